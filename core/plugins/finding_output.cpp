#include "core/plugins/finding_output.hpp"

#include <patrol/sdk/money.hpp>

#include <array>
#include <future>
#include <string>
#include <string_view>
#include <system_error>

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

bool needsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// --- the reference --------------------------------------------------------------------------

void appendJsonPlainly(std::string& out, std::string_view s) {
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (needsEscape(c))
            appendEscape(out, c);
        else
            out.push_back(ch);
    }
    out.push_back('"');
}

// --- the fast writer ------------------------------------------------------------------------

// Runs of plain bytes are copied in one go (titles and details are long and rarely escaped).
void appendJson(std::string& out, std::string_view s) {
    static constexpr auto kEscaped = [] {
        std::array<bool, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = true;
        t['"'] = t['\\'] = true;
        return t;
    }();
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
        if (!kEscaped[c]) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        appendEscape(out, c);
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

// The line's layout is the same for both writers; only the string escaping differs.
template <void (*AppendString)(std::string&, std::string_view)>
void appendLine(std::string& line, const CheckFinding& f) {
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

// Findings [first, last) written a megabyte at a time from one buffer.
void writeRange(std::ostream& out, const CheckFinding* first, const CheckFinding* last) {
    constexpr size_t kChunk = size_t{1} << 20;
    std::string text;
    text.reserve(kChunk + 64 * 1024);
    for (; first != last; ++first) {
        appendLine<appendJson>(text, *first);
        if (text.size() >= kChunk) {
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
        }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

void writeFindingsJsonl(std::ostream& out, const std::vector<CheckFinding>& findings) {
    // Below this a second thread costs more than it saves.
    constexpr size_t kWorthAThread = 4096;
    const CheckFinding* begin = findings.data();
    const CheckFinding* end = begin + findings.size();
    const CheckFinding* half = begin + findings.size() / 2;
    std::future<std::string> later;
    if (findings.size() >= kWorthAThread) {
        try {
            later = std::async(std::launch::async, [half, end] {
                size_t size = 0;  // about: the texts, plus room for the fixed parts and escapes
                for (const CheckFinding* f = half; f != end; ++f) size += f->title.size() + f->detail.size() + 160;
                std::string text;
                text.reserve(size);
                for (const CheckFinding* f = half; f != end; ++f) appendLine<appendJson>(text, *f);
                return text;
            });
        } catch (const std::system_error&) {
            // no second thread: all of it is written from here
        }
    }
    writeRange(out, begin, later.valid() ? half : end);
    if (!later.valid()) return;
    const std::string text = later.get();
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void writeFindingsJsonlPlainly(std::ostream& out, const std::vector<CheckFinding>& findings) {
    for (const auto& f : findings) {
        std::string line;
        appendLine<appendJsonPlainly>(line, f);
        out << line;
    }
}

}  // namespace patrol::plugins
