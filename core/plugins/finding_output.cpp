#include "core/plugins/finding_output.hpp"

#include "core/domain/json_escape.hpp"
#include "core/plugins/finding_arena.hpp"

#include <patrol/sdk/money.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace patrol::plugins {
namespace {

// The escape of one byte that JSON requires one for: controls, the quote and the backslash.
void appendEscape(std::string& out, unsigned char c) {
    switch (c) {
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    case '\n': out.append("\\n"); return;
    case '\r': out.append("\\r"); return;
    case '\t': out.append("\\t"); return;
    default: {
        static constexpr const char* kHex = "0123456789abcdef";
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    }
}

// --- the reference --------------------------------------------------------------------------

void appendJsonPlainly(std::string& out, std::string_view s) {
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (domain::kJsonEscaped[c])
            appendEscape(out, c);
        else
            out.push_back(ch);
    }
    out.push_back('"');
}

// --- the fast writer ------------------------------------------------------------------------

// Runs of plain bytes are copied in one go (titles and details are long and rarely escaped).
void appendJson(std::string& out, std::string_view s) {
    out.push_back('"');
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
#if defined(__SSE2__)
        while (s.size() - i >= 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
            // min(x, 0x1F) == x exactly for the bytes below 0x20 (unsigned).
            const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
            const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
            if (_mm_movemask_epi8(_mm_or_si128(control, special)) != 0) break;
            i += 16;
        }
        if (i >= s.size()) break;
#endif
        const auto c = static_cast<unsigned char>(s[i]);
        if (!domain::kJsonEscaped[c]) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        appendEscape(out, c);
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

// The line's layout is the same for both writers; only the string escaping differs.
// `Finding` is a CheckFinding or a FindingView: the fields are named alike.
template <void (*AppendString)(std::string&, std::string_view), class Finding>
void appendLine(std::string& line, const Finding& f) {
    line.append("{\"plugin\":");
    AppendString(line, f.plugin);
    line.append(",\"rule\":");
    AppendString(line, f.rule);
    line.append(",\"unit\":");
    AppendString(line, f.unit);
    line.append(",\"refs\":[");
    for (size_t i = 0; i < f.refs.size(); ++i) {
        if (i) line.push_back(',');
        AppendString(line, f.refs[i]);
    }
    line.append("],\"amount\":").append(f.amountFen ? money::formatYuan(*f.amountFen) : std::string("null"));
    line.append(",\"title\":");
    AppendString(line, f.title);
    line.append(",\"detail\":");
    AppendString(line, f.detail);
    line.append("}\n");
}

// Each block of the findings' texts kept in a file (FindingArena::textBlocks) leaves the process
// as soon as every finding with text in it has been turned into JSONL: its pages are unmapped at
// once, and when nothing reads the texts afterwards it is also forgotten (a hole punched in the
// file) by the writing thread a little later. Findings go out in output order, not in the order
// their texts were kept, so each block counts its findings still to format.
//
// A rule's findings go out in unit order, all over its texts, and the kernel maps sixteen pages
// around each one read: the first thousand findings of a rule map nearly all of its texts. So a
// rule's texts must be unmapped before the next rule's are read, or both are in the process at
// once (heavy poverty_alleviation: PA-01's 22 MB beside PA-02's 41 MB, a fifth of its peak).
// ruleStarts() tells the writer where to wait for that. Punching holes takes longer than
// unmapping (about 0.15 ms a block), which is why it waits for the writing thread rather than
// holding up the next rule.
class TextsDone {
public:
    TextsDone(const FindingArena& findings, TextsAfterwards afterwards) : forget_(afterwards == TextsAfterwards::NotNeeded) {
        if (!findings.textsInFile()) return;  // texts held in memory stay with the arena
        findings_ = &findings;
        uint64_t last = 0;
        for (size_t i = 0; i < findings.size(); ++i) {
            last = std::max(last, findings.textBlocks(i).second);
            if (i > 0 && findings.ruleKey(i) != findings.ruleKey(i - 1)) ruleStarts_.push_back(i);
        }
        blocks_ = findings.empty() ? 0 : last + 1;
        toGo_ = std::make_unique<std::atomic<uint32_t>[]>(blocks_);
        for (size_t i = 0; i < findings.size(); ++i) {
            const auto [first, end] = findings.textBlocks(i);
            for (uint64_t b = first; b <= end; ++b) toGo_[b].fetch_add(1, std::memory_order_relaxed);
        }
    }
    TextsDone(const std::vector<CheckFinding>&, TextsAfterwards) {}  // each finding owns its texts

    // The findings, after the first, whose rule is not the one before's; none when no texts
    // are in a file.
    const std::vector<size_t>& ruleStarts() const { return ruleStarts_; }

    // Findings [from, to) are formatted. Safe on several threads for findings apart.
    void formatted(size_t from, size_t to) {
        if (!findings_) return;
        std::vector<uint32_t> tally(blocks_);  // counted here first: one atomic step per block, not per finding
        uint64_t low = blocks_, high = 0;
        for (size_t i = from; i < to; ++i) {
            const auto [first, end] = findings_->textBlocks(i);
            for (uint64_t b = first; b <= end; ++b) ++tally[b];
            low = std::min(low, first);
            high = std::max(high, end);
        }
        uint64_t run = 0, length = 0;  // blocks done, [run, run + length), unmapped together
        for (uint64_t b = low; b <= high && b < blocks_; ++b) {
            if (tally[b] == 0 || toGo_[b].fetch_sub(tally[b], std::memory_order_acq_rel) != tally[b]) continue;
            if (length > 0 && run + length == b) {
                ++length;
                continue;
            }
            done(run, length);
            run = b;
            length = 1;
        }
        done(run, length);
    }

    // Punches the holes of the blocks done so far; for the writing thread, between writes.
    void forgetDone() {
        std::vector<uint64_t> blocks;
        {
            const std::lock_guard lock(mutex_);
            blocks.swap(toForget_);
        }
        for (const uint64_t b : blocks) findings_->forgetTexts(b);
    }

private:
    void done(uint64_t first, uint64_t count) {
        if (count == 0) return;
        findings_->letGoOfTexts(first, count);
        if (!forget_) return;
        const std::lock_guard lock(mutex_);
        for (uint64_t b = first; b < first + count; ++b) toForget_.push_back(b);
    }

    const FindingArena* findings_ = nullptr;
    bool forget_;
    uint64_t blocks_ = 0;
    std::unique_ptr<std::atomic<uint32_t>[]> toGo_;  // per block of texts: its findings not yet formatted
    std::vector<size_t> ruleStarts_;
    std::mutex mutex_;
    std::vector<uint64_t> toForget_;  // blocks done, their holes not yet punched
};

// The findings written a megabyte at a time from one buffer.
template <class Findings>
void writeFindingsOut(std::ostream& out, const Findings& findings, TextsAfterwards afterwards) {
    constexpr size_t kChunk = size_t{1} << 20;
    std::string text;
    text.reserve(kChunk + 64 * 1024);
    TextsDone done(findings, afterwards);
    const std::vector<size_t>& starts = done.ruleStarts();
    auto next = starts.begin();  // the next rule start
    size_t told = 0;             // findings before this one are told to `done`
    for (size_t i = 0; i < findings.size(); ++i) {
        if (next != starts.end() && *next == i) {
            done.formatted(told, i);  // before the next rule's texts are read
            told = i;
            ++next;
        }
        appendLine<appendJson>(text, findings[i]);
        if (text.size() >= kChunk) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
            done.forgetDone();
        }
    }
    done.formatted(told, findings.size());
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    done.forgetDone();
}

// The findings in blocks of kBlock, turned into text by this thread and a second one, each
// taking the next block not yet taken; this thread also writes the blocks, in order. (Dealt out
// by turns, even blocks here and odd ones there, the second thread sat idle a fifth to a third
// of the time while this one wrote: heavy business_environment, 131 MB of JSONL.) Blocks are
// formatted at most kWindow ahead of the one being written, so the text held at any time is a
// few blocks, not half the output (with hundreds of thousands of findings, tens of megabytes).
constexpr size_t kJsonlBlock = 2048;

template <class Findings>
class TwoThreadWriter {
public:
    static constexpr size_t kBlock = kJsonlBlock;
    static constexpr size_t kWindow = 3;
    static constexpr size_t kPrefetchAhead = 16;  // findings

    TwoThreadWriter(std::ostream& out, const Findings& findings, TextsAfterwards afterwards)
        : out_(out), findings_(findings), blocks_((findings.size() + kBlock - 1) / kBlock), done_(findings, afterwards), formatted_(blocks_) {}

    ~TwoThreadWriter() {
        if (!worker_.joinable()) return;
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }

    // False when no second thread could be started (nothing was written then).
    bool start() {
        try {
            worker_ = std::thread([this] { formatWhatIsLeft(); });
            return true;
        } catch (const std::system_error&) {
            return false;
        }
    }

    void write(const std::function<void(size_t)>& written) {
        for (size_t block = 0; block < blocks_; ++block) {
            Slot& slot = slots_[block % kWindow];
            std::unique_lock lock(mutex_);
            while (!slot.ready) {
                if (failure_) std::rethrow_exception(failure_);
                if (takeBlock(lock)) continue;
                changed_.wait(lock, [&] { return slot.ready || failure_; });
            }
            lock.unlock();
            out_.write(slot.text.data(), static_cast<std::streamsize>(slot.text.size()));
            lock.lock();
            slot.ready = false;
            ++written_;
            lock.unlock();
            changed_.notify_all();  // the slot is free for the block kWindow on
            done_.forgetDone();
            if (written) written(std::min(findings_.size(), (block + 1) * kBlock));
        }
    }

private:
    struct Slot {
        std::string text;
        bool ready = false;
    };

    // Formats the next block not yet taken if it is within the window; false when there is
    // none. Called and returns with the lock held.
    bool takeBlock(std::unique_lock<std::mutex>& lock) {
        if (taken_ >= blocks_ || taken_ >= written_ + kWindow) return false;
        const size_t block = taken_++;
        Slot& slot = slots_[block % kWindow];
        lock.unlock();
        slot.text.clear();
        const size_t first = block * kBlock, last = std::min(findings_.size(), first + kBlock);
        // In pieces split where a rule starts. Before a piece is formatted, the rules before its
        // own are (TextsDone): the blocks up to where its rule starts, or, when its rule starts in
        // this block, every block before this one.
        const std::vector<size_t>& starts = done_.ruleStarts();
        auto next = std::upper_bound(starts.begin(), starts.end(), first);  // the next rule start
        for (size_t from = first; from < last;) {
            if (next != starts.begin()) {
                const size_t ruleStart = *std::prev(next);
                const size_t before = ruleStart >= first ? block : ruleStart / kBlock + 1;
                lock.lock();
                changed_.wait(lock, [&] { return formattedBefore_ >= before || failure_; });
                lock.unlock();
            }
            const size_t to = next != starts.end() && *next < last ? *next : last;
            for (size_t i = from; i < to; ++i) {
                if (i + kPrefetchAhead < findings_.size()) prefetchTexts(findings_, i + kPrefetchAhead);
                appendLine<appendJson>(slot.text, findings_[i]);
            }
            done_.formatted(from, to);
            if (to < last) ++next;
            from = to;
        }
        lock.lock();
        slot.ready = true;
        formatted_[block] = 1;
        while (formattedBefore_ < blocks_ && formatted_[formattedBefore_]) ++formattedBefore_;
        changed_.notify_all();  // for a thread waiting on this block to start a rule
        return true;
    }

    void formatWhatIsLeft() {
        try {
            std::unique_lock lock(mutex_);
            for (;;) {
                changed_.wait(lock, [this] { return stop_ || taken_ >= blocks_ || taken_ < written_ + kWindow; });
                if (stop_ || !takeBlock(lock)) return;
                changed_.notify_all();
            }
        } catch (...) {
            const std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
            changed_.notify_all();
        }
    }

    std::ostream& out_;
    const Findings& findings_;
    const size_t blocks_;
    TextsDone done_;
    std::thread worker_;
    std::mutex mutex_;
    std::condition_variable changed_;
    Slot slots_[kWindow];  // block b's text in slot b % kWindow
    size_t taken_ = 0;     // blocks taken to format
    std::vector<char> formatted_;  // per block: formatted
    size_t formattedBefore_ = 0;   // the blocks before this one are all formatted
    size_t written_ = 0;   // blocks written
    bool stop_ = false;
    std::exception_ptr failure_;
};

// Below this a second thread costs more than it saves.
template <class Findings>
void writeJsonl(std::ostream& out, const Findings& findings, const std::function<void(size_t written)>& written,
                TextsAfterwards afterwards = TextsAfterwards::ReadAgain) {
    constexpr size_t kWorthAThread = 2 * kJsonlBlock;
    if (findings.size() >= kWorthAThread) {
        TwoThreadWriter<Findings> writer(out, findings, afterwards);
        if (writer.start()) {
            writer.write(written);
            return;
        }
    }
    writeFindingsOut(out, findings, afterwards);
    if (written) written(findings.size());
}

}  // namespace

void writeFindingsJsonl(std::ostream& out, const std::vector<CheckFinding>& findings,
                        const std::function<void(size_t written)>& written) {
    writeJsonl(out, findings, written);
}

void writeFindingsJsonl(std::ostream& out, const FindingArena& findings, const std::function<void(size_t written)>& written,
                        TextsAfterwards afterwards) {
    writeJsonl(out, findings, written, afterwards);
}

void writeFindingsJsonlPlainly(std::ostream& out, const std::vector<CheckFinding>& findings) {
    for (const auto& f : findings) {
        std::string line;
        appendLine<appendJsonPlainly>(line, f);
        out << line;
    }
}

}  // namespace patrol::plugins
