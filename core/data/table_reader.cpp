#include "core/data/table_reader.hpp"

#include "core/domain/integer_text.hpp"
#include "core/data/date_memo.hpp"
#include "core/data/date_problem.hpp"
#include "core/data/file_text.hpp"
#include "core/data/gb18030.hpp"
#include "core/data/repeated_ids.hpp"
#include "core/data/record_scanner.hpp"
#include "core/data/table_parts.hpp"
#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include <algorithm>
#include <cstring>
#include <optional>

namespace patrol::data {

namespace {

// A value quoted in a message: at most 40 bytes, never cut inside a UTF-8 character.
std::string quoted(std::string_view v) {
    size_t cut = v.size();
    if (cut > 40) {
        cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string out;
    out.reserve(cut + 8);
    out.push_back('"');
    out.append(v.data(), cut);
    if (cut < v.size()) out.append("…");
    out.push_back('"');
    return out;
}

std::string joinWords(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += "、";
        out += w;
    }
    return out;
}

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// Copies a field's bytes without a library call for the short texts most fields are (ids,
// codes, names): overlapping fixed-size moves the compiler turns into a few instructions.
inline void copyField(char* to, const char* from, size_t n) {
    auto move8 = [](char* t, const char* f) {
        uint64_t w;
        std::memcpy(&w, f, 8);
        std::memcpy(t, &w, 8);
    };
    if (n > 64) {
        std::memcpy(to, from, n);
    } else if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) move8(to + i, from + i);
        move8(to + n - 8, from + n - 8);
    } else if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, from, 4);
        std::memcpy(&b, from + n - 4, 4);
        std::memcpy(to, &a, 4);
        std::memcpy(to + n - 4, &b, 4);
    } else if (n > 0) {
        const char a = from[0], b = from[n / 2], c = from[n - 1];
        to[0] = a;
        to[n / 2] = b;
        to[n - 1] = c;
    }
}

std::string repeatReason(const ColumnSchema& column, std::string_view id, uint32_t firstLine) {
    return "列 " + column.name + " 的编号 " + quoted(id) + " 重复（第 " + std::to_string(firstLine) + " 行已出现），后出现的这一行不予采用";
}

// The line feeds in `text` that end a record: those outside quoted fields, by a running parity
// of the quotes from a record's start. Counting every line feed took a 40 MB quoted field of
// short lines for 20 million rows, and each stretch's id census, sized for them, for 40 MB.
uint64_t recordEnds(std::string_view text) {
    uint64_t ends = 0;
    bool insideQuotes = false;
    for (size_t at = 0; at < text.size();) {
        const size_t quote = std::min(text.find('"', at), text.size());
        if (!insideQuotes) ends += static_cast<uint64_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(at), text.begin() + static_cast<std::ptrdiff_t>(quote), '\n'));
        insideQuotes = !insideQuotes;
        at = quote + 1;
    }
    return ends;
}

}  // namespace

// Builds the TableData of one stretch of a file row by row; used on one thread.
class TableBuilder {
public:
    TableBuilder(const TableSchema& schema, std::string displayName, const detail::HeaderLayout& layout, const ReadLimits& limits)
        : schema_(schema), limits_(limits), result_{std::make_unique<TableData>(schema, displayName), {}, 0}, name_(std::move(displayName)),
          fieldToColumn_(layout.fieldToColumn) {
        if (limits.textCodes) result_.table->codeTexts();
        for (int c : fieldToColumn_)
            if (c >= 0) result_.table->columns_[static_cast<size_t>(c)].presentInFile = true;
        const size_t n = schema.columns.size();
        slots_.resize(n);
        values_.resize(n);
        conditionColumn_.assign(n, -1);
        for (size_t c = 0; c < n; ++c) {
            const auto& rw = schema.columns[c].requiredWhen;
            if (!rw) continue;
            for (size_t k = 0; k < n; ++k)
                if (schema.columns[k].name == rw->column) conditionColumn_[c] = static_cast<int>(k);
        }
        for (size_t c = 0; c < n; ++c)
            if (conditionColumn_[c] >= 0) conditional_.push_back(c);
        conditionByWord_.resize(n);
        conditionWhenEmpty_.assign(n, 0);
        for (size_t c = 0; c < n; ++c) {
            if (conditionColumn_[c] < 0) continue;
            const auto& in = schema.columns[c].requiredWhen->in;
            auto holds = [&](std::string_view w) { return std::find(in.begin(), in.end(), w) != in.end(); };
            conditionWhenEmpty_[c] = holds("") ? 1 : 0;
            const ColumnSchema& condition = schema.columns[static_cast<size_t>(conditionColumn_[c])];
            if (condition.type != PATROL_COLUMN_ENUM) continue;
            for (const auto& w : condition.words) conditionByWord_[c].push_back(holds(w) ? 1 : 0);
        }
    }

    void reserveFor(size_t textSize, uint64_t bytesPerLine) {
        const size_t rows = textSize / std::max<uint64_t>(1, bytesPerLine) + 1024;
        result_.table->lines_.reserve(rows);
        for (auto& c : result_.table->columns_) {
            switch (c.schema->type) {
            case PATROL_COLUMN_STRING: (c.coded ? c.codes : c.offsets).reserve(rows + 1); break;
            case PATROL_COLUMN_MONEY:
            case PATROL_COLUMN_INTEGER: c.i64.reserve(rows); break;
            default: c.i32.reserve(rows); break;
            }
        }
        rowsExpected_ = rows;
        textBytes_ = textSize;
    }

    // Text columns are sized once their first rows show how long their texts run, as the
    // others are from the first lines (reserveFor), with a quarter to spare: grown step by step
    // instead, each moved to a larger mapping about a dozen times per stretch, and every move
    // is a TLB flush that interrupts the other reading thread. Sized beyond what the stretch
    // needs, the spare address space would still count against a system that promises no more
    // memory than it has (vm.overcommit_memory = 2).
    static constexpr size_t kTextSample = 1024;
    void reserveText() {
        if (rowsExpected_ <= kTextSample) return;
        for (ColumnData& c : result_.table->columns_)
            if (c.schema->type == PATROL_COLUMN_STRING && !c.coded) c.bytes.reserve(std::min(textBytes_, c.bytes.size() / kTextSample * rowsExpected_ / 4 * 5));
    }

    // A coded column earns its keep when its texts repeat, and costs little while its distinct
    // texts are few: every value read looks its text up among them, and with tens of thousands
    // (names, project ids) those lookups miss the cache and cost more than the memory saved.
    // One whose rows so far hold on average fewer than two of each text, or that has more than
    // kMostCodedTexts of them, is spelled out row by row from here on; every
    // ReadLimits::codingReview rows the columns are looked at.
    static constexpr size_t kMostCodedTexts = 4096;
    void reviewCoding(size_t rows) {
        for (ColumnData& c : result_.table->columns_)
            if (c.coded && (2 * c.index->size() > rows || c.index->size() > kMostCodedTexts)) c.uncode(rowsExpected_, textBytes_);
    }

    // Reads records until one ends at or past `stop`. False when a byte sequence that is not
    // UTF-8 was met (the file must be read as GB18030).
    bool readRows(RecordScanner& scanner, const char* stop, FileText* source) {
        if (!releasedTo_) releasedTo_ = scanner.position();
        size_t fieldCount = 0;
        while (!scanner.atEnd() && scanner.position() < stop) {
            if (scanner.skipBlankLine()) continue;
            const uint32_t line = scanner.line();
            const char* const recordStart = scanner.position();
            size_t oversizeField = 0;  // 1-based field past data.max_field_bytes, 0: none
            const RecordStatus status = scanner.next(
                [this, &oversizeField](size_t index, const char* data, size_t size, bool escaped) {
                    if (size > limits_.maxFieldBytes && !oversizeField) oversizeField = index + 1;
                    if (index >= fieldToColumn_.size() || fieldToColumn_[index] < 0) return;
                    // Hand-typed ledgers carry stray spaces and tabs around values, quoted or
                    // not: " E6" and "E6" are the same id, and "  " is an empty value.
                    while (size > 0 && (*data == ' ' || *data == '\t')) ++data, --size;
                    while (size > 0 && (data[size - 1] == ' ' || data[size - 1] == '\t')) --size;
                    FieldSlice& slot = slots_[static_cast<size_t>(fieldToColumn_[index])];
                    slot.data = data;
                    slot.size = size;
                    slot.escaped = escaped;
                },
                fieldCount);
            for (size_t i = fieldCount; i < fieldToColumn_.size(); ++i)
                if (fieldToColumn_[i] >= 0) slots_[static_cast<size_t>(fieldToColumn_[i])] = FieldSlice{};
            if (scanner.notUtf8()) return false;
            const bool broken = status != RecordStatus::Ok || fieldCount != fieldToColumn_.size();
            const auto recordBytes = static_cast<size_t>(scanner.position() - recordStart);
            if (broken && scanner.spanningQuote()) {
                // A quote that ran past its line and did not end a good record: most likely one
                // never closed, which would take every later line with it.
                if (!resync(scanner)) return false;
            } else if (recordBytes > limits_.maxLineBytes) {
                // Said before anything about its fields: a runaway line is the problem, and
                // none of its text is copied into the message.
                reject(line, "此行长 " + std::to_string(recordBytes) + " 字节，超过每行 " + std::to_string(limits_.maxLineBytes) +
                                 " 字节的上限（设置 data.max_line_bytes），不予采用；请检查该行是否缺少换行或引号");
            } else if (oversizeField) {
                reject(line, "第 " + std::to_string(oversizeField) + " 个字段超过每个值 " + std::to_string(limits_.maxFieldBytes) +
                                 " 字节的上限（设置 data.max_field_bytes），此行不予采用");
            } else if (status != RecordStatus::Ok) {
                reject(line, status == RecordStatus::UnterminatedQuote
                                 ? "引号未闭合：从此行开始的带引号字段到文件末尾都没有结束引号"
                                 : "字段的结束引号后还有其他字符（字段内的引号应写成两个双引号 \"\"）");
            } else if (fieldCount != fieldToColumn_.size()) {
                // A lost or extra comma shifts every later value into the wrong column.
                reject(line, "字段数不对：表头有 " + std::to_string(fieldToColumn_.size()) + " 个字段，此行有 " +
                                 std::to_string(fieldCount) + " 个（多了或少了逗号？含逗号的值须用双引号括起来）");
            } else if (validate(line)) {
                commit(line);
                const size_t rows = result_.table->lines_.size();
                if (rows == kTextSample) reserveText();
                if (rows % limits_.codingReview == 0) reviewCoding(rows);
            }
            // Hand back the file pages already turned into columns.
            if (source && scanner.position() - releasedTo_ > (2 << 20)) {
                source->release(releasedTo_, scanner.position());
                releasedTo_ = scanner.position();
            }
        }
        return true;
    }

    // Hands back the file pages read since the last 2 MB given back (readRows).
    void releaseRead(const RecordScanner& scanner, FileText* source) {
        if (source && releasedTo_) source->release(releasedTo_, scanner.position());
        releasedTo_ = scanner.position();
    }

    // After a broken record whose quote ran past its line: rejects it at the line the quote
    // opens and moves the scanner to the first later line that reads as a good record (the
    // right number of fields, quotes closed), so one broken row costs only the lines up to
    // that one. False when the skipped lines were not UTF-8 (the file must be read as GB18030).
    bool resync(RecordScanner& scanner) {
        const uint32_t quoteLine = scanner.spanningQuoteLine();
        const char* const end = scanner.end();
        auto nextLine = [end](const char* from) {
            const void* lf = std::memchr(from, '\n', static_cast<size_t>(end - from));
            return lf ? static_cast<const char*>(lf) + 1 : end;
        };
        RecordScanner probe = scanner;
        const char* at = nextLine(scanner.spanningQuote());
        uint32_t line = quoteLine + 1;
        for (; at < end; at = nextLine(at), ++line) {
            probe.resumeAt(at, line);
            if (probe.skipBlankLine()) continue;
            size_t fields = 0;
            const RecordStatus status = probe.next([](size_t, const char*, size_t, bool) {}, fields);
            if (status == RecordStatus::Ok && fields == fieldToColumn_.size()) break;
        }
        probe.resumeAt(at, line);
        scanner = probe;
        if (scanner.notUtf8()) return false;
        // The lines skipped are counted, not numbered: line numbers are shifted to the file's
        // own only once the stretches of a file are joined.
        const uint32_t skipped = line - quoteLine - 1;
        std::string reason = "引号未闭合：此行的带引号字段没有结束引号，此行不予采用";
        if (skipped > 0 && at >= end)
            reason += "；其后直到文件末尾的 " + std::to_string(skipped) + " 行都不能读作记录，一并不予采用";
        else if (skipped > 0)
            reason += "；其后 " + std::to_string(skipped) + " 行也不能读作记录，一并不予采用，再往后的行照常读取";
        reject(quoteLine, std::move(reason));
        return true;
    }

    TableReadResult take() { return std::move(result_); }
    // Counted always, kept only while the list is short: rejects arrive in line order.
    void reject(uint32_t line, std::string reason) {
        ++result_.rejectCount;
        if (result_.rejects.size() < limits_.maxListedRejects) result_.rejects.push_back({name_, line, std::move(reason)});
    }

    // Parses every declared value of the current row into values_; false (and rejected) when
    // the row may not be used.
    bool validate(uint32_t line) {
        const size_t n = schema_.columns.size();
        for (size_t c = 0; c < n; ++c) {
            const ColumnSchema& col = schema_.columns[c];
            const FieldSlice& f = slots_[c];
            if (f.size == 0) {
                values_[c] = col.type == PATROL_COLUMN_MONEY || col.type == PATROL_COLUMN_INTEGER ? PATROL_ABSENT_I64 : PATROL_ABSENT_I32;
                if (col.required) {
                    reject(line, "缺少必填值：列 " + col.name + " 为空");
                    return false;
                }
                continue;
            }
            switch (col.type) {
            case PATROL_COLUMN_STRING: break;
            case PATROL_COLUMN_DATE: {
                int32_t day;
                if (!dates_.parse(f.view(), day)) return malformed(line, col, f, dateProblem(f.view()));
                values_[c] = day;
                break;
            }
            case PATROL_COLUMN_TIME: {
                const auto t = civil::parseTime(f.view());
                if (!t) return malformed(line, col, f, "不是有效时间（应为 24 小时制 HH:MM）");
                values_[c] = *t;
                break;
            }
            case PATROL_COLUMN_MONEY: {
                const auto fen = money::parseFen(f.view());
                if (!fen) return malformed(line, col, f, "不是有效金额（应为以元为单位、最多两位小数的数，如 1234.50）");
                values_[c] = *fen;
                break;
            }
            case PATROL_COLUMN_INTEGER: {
                const auto v = domain::parseInteger(f.view());
                if (!v) return malformed(line, col, f, "不是整数");
                if (col.min && *v < *col.min) {
                    reject(line, "列 " + col.name + " 的值 " + std::to_string(*v) + " 小于允许的最小值 " + std::to_string(*col.min));
                    return false;
                }
                values_[c] = *v;
                break;
            }
            case PATROL_COLUMN_ENUM: {
                const auto index = wordIndex(col, f.view());
                if (index < 0) return malformed(line, col, f, "不是允许的取值（" + joinWords(col.words) + "）");
                values_[c] = index;
                break;
            }
            }
        }
        for (const size_t c : conditional_)
            if (!checkRequiredWhen(line, c)) return false;
        return true;
    }

    bool malformed(uint32_t line, const ColumnSchema& col, const FieldSlice& f, const std::string& what) {
        reject(line, "列 " + col.name + " 的值 " + quoted(f.view()) + " " + what);
        return false;
    }

    static int32_t wordIndex(const ColumnSchema& col, std::string_view v) {
        for (size_t i = 0; i < col.words.size(); ++i)
            if (col.words[i] == v) return static_cast<int32_t>(i);
        return -1;
    }

    bool checkRequiredWhen(uint32_t line, size_t c) {
        const ColumnSchema& col = schema_.columns[c];
        const RequiredWhen& rw = *col.requiredWhen;
        const auto k = static_cast<size_t>(conditionColumn_[c]);
        const std::string_view cond = slots_[k].view();
        bool holds = false;
        if (!conditionByWord_[c].empty())
            holds = cond.empty() ? conditionWhenEmpty_[c] : conditionByWord_[c][static_cast<size_t>(values_[k])] != 0;
        else
            for (const auto& w : rw.in) holds = holds || w == cond;
        if (!holds) return true;
        // The message is built only for a rejected row: this runs on every matching row.
        auto when = [&] { return "列 " + rw.column + " 为 " + std::string(cond) + " 时，"; };
        if (slots_[c].size == 0) {
            reject(line, when() + "列 " + col.name + " 必须填写");
            return false;
        }
        if (rw.min && col.type == PATROL_COLUMN_INTEGER && values_[c] < *rw.min) {
            reject(line, when() + "列 " + col.name + " 应不小于 " + std::to_string(*rw.min) + "，实为 " + std::to_string(values_[c]));
            return false;
        }
        return true;
    }

    void commit(uint32_t line) {
        TableData& t = *result_.table;
        t.lines_.push_back(line);
        for (size_t c = 0; c < t.columns_.size(); ++c) {
            ColumnData& col = t.columns_[c];
            switch (col.schema->type) {
            case PATROL_COLUMN_STRING: {
                const FieldSlice& f = slots_[c];
                if (col.coded) {
                    std::string_view text = f.view();
                    if (f.escaped) {
                        unescaped_.resize(f.size);
                        unescaped_.resize(f.unescapeTo(unescaped_.data()));
                        text = unescaped_;
                    }
                    col.codes.push_back(col.index->entryOf(text, col.offsets, col.bytes));
                    break;
                }
                if (!f.escaped) {
                    copyField(col.bytes.prepare(f.size), f.data, f.size);
                    col.bytes.commit(f.size);
                } else {
                    col.bytes.commit(f.unescapeTo(col.bytes.prepare(f.size)));
                }
                col.offsets.push_back(static_cast<uint32_t>(col.bytes.size()));  // a stretch is at most maxFileBytes
                break;
            }
            case PATROL_COLUMN_MONEY:
            case PATROL_COLUMN_INTEGER: col.i64.push_back(values_[c]); break;
            default: col.i32.push_back(static_cast<int32_t>(values_[c])); break;
            }
        }
    }

    size_t rowsExpected_ = 0;  // the stretch's rows and bytes, by reserveFor
    size_t textBytes_ = 0;
    const char* releasedTo_ = nullptr;  // the file's pages before this were given back
    const TableSchema& schema_;
    const ReadLimits& limits_;
    TableReadResult result_;
    std::string name_;
    std::vector<int> fieldToColumn_;     // header field -> declared column, -1: ignored
    std::vector<FieldSlice> slots_;      // current row, per declared column
    std::vector<int64_t> values_;        // current row's parsed values
    std::vector<int> conditionColumn_;   // required_when: the column the condition reads
    std::vector<size_t> conditional_;    // the columns with such a condition
    // An enum condition column decided by the word's index (the row's text is that word):
    // per required_when column, whether each word satisfies it; and whether an empty one does.
    std::vector<std::vector<char>> conditionByWord_;
    std::vector<char> conditionWhenEmpty_;
    DateMemo dates_;
    std::string unescaped_;  // a coded column's value with its doubled quotes undone
};

namespace detail {

std::optional<HeaderLayout> readHeader(RecordScanner& scanner, const TableSchema& schema, const std::string& name, const ReadLimits& limits) {
    std::vector<std::string> names;
    size_t count = 0;
    size_t oversizeField = 0;
    const char* const start = scanner.position();
    if (const auto bytes = static_cast<uint64_t>(scanner.end() - start); bytes > limits.maxFileBytes)
        throw TooLarge("数据文件 " + name + " 有 " + std::to_string(bytes) + " 字节，超过单个数据文件 " + std::to_string(limits.maxFileBytes) +
                       " 字节的上限，未读取。请把它按年度或单位拆成几个较小的文件，分几次检查。");
    if (!scanner.atEnd())
        scanner.next(
            [&](size_t index, const char* data, size_t size, bool escaped) {
                // A runaway header (a file of one endless line) is measured, not copied.
                if (size > limits.maxFieldBytes) {
                    if (!oversizeField) oversizeField = index + 1;
                    names.emplace_back();
                    return;
                }
                names.push_back(trimmed(FieldSlice{data, size, escaped}.text()));
            },
            count);
    if (scanner.notUtf8()) return std::nullopt;
    const auto headerBytes = static_cast<size_t>(scanner.position() - start);
    if (headerBytes > limits.maxLineBytes || oversizeField)
        throw UserError("数据文件 " + name + " 的第一行（表头）长 " + std::to_string(headerBytes) + " 字节，超过上限（每行 " +
                        std::to_string(limits.maxLineBytes) + " 字节、每个值 " + std::to_string(limits.maxFieldBytes) +
                        " 字节，设置 data.max_line_bytes、data.max_field_bytes）：这不像 CSV 表头。请确认文件是导出的 CSV，第一行是列名。");
    HeaderLayout layout;
    layout.fields = names.size();
    layout.fieldToColumn.assign(names.size(), -1);
    std::vector<std::string> missing;
    for (size_t c = 0; c < schema.columns.size(); ++c) {
        const ColumnSchema& col = schema.columns[c];
        int found = -1;
        for (size_t i = 0; i < names.size(); ++i) {
            if (names[i] != col.name) continue;
            if (found >= 0)
                throw UserError("数据文件 " + name + " 的表头中列 " + col.name + " 出现了两次（第 " + std::to_string(found + 1) + " 和第 " +
                                std::to_string(i + 1) + " 个字段）。请删去其中一列后重试。");
            found = static_cast<int>(i);
        }
        if (found >= 0)
            layout.fieldToColumn[static_cast<size_t>(found)] = static_cast<int>(c);
        else if (col.required)
            missing.push_back(col.name);
    }
    if (!missing.empty()) {
        std::string header;
        for (const auto& n : names) header += (header.empty() ? "" : ", ") + n;
        throw UserError("数据文件 " + name + " 缺少必需的列 " + joinWords(missing) + "（表 " + schema.name + "「" + schema.title +
                        "」需要；实际表头为：" + (header.empty() ? "空" : excerpt(header)) + "）。请在第一行表头加上该列后重试。");
    }
    // From the first 256 KB after the header: enough records to tell their usual length.
    const std::string_view body(scanner.position(), static_cast<size_t>(scanner.end() - scanner.position()));
    const std::string_view sample = body.substr(0, 256 * 1024);
    const uint64_t sampleRecords = recordEnds(sample);
    layout.bytesPerLine = sampleRecords > 0 ? sample.size() / sampleRecords : sample.size();
    layout.rowsGuess = body.size() / std::max<uint64_t>(1, layout.bytesPerLine) + 1;
    return layout;
}

TablePart parsePart(std::string_view text, size_t stopAt, const TableSchema& schema, const HeaderLayout& layout, const std::string& name,
                    FileText* source, bool checkUtf8, const ReadLimits& limits, const ShareRest& share) {
    TableBuilder builder(schema, name, layout, limits);
    RecordScanner scanner(text, checkUtf8, limits.fastRows);
    // Size the columns from the file's first lines (readHeader) so they rarely need to grow.
    const size_t span = std::min(stopAt, text.size());
    builder.reserveFor(span, layout.bytesPerLine);
    TablePart part;
    const char* const base = text.data();
    size_t stop = span;
    for (;;) {
        // Read a slice at a time only when the rest may be shared: each look costs a call.
        const size_t sliceEnd = share ? std::min(stop, static_cast<size_t>(scanner.position() - base) + limits.shareSlice) : stop;
        if (!builder.readRows(scanner, base + sliceEnd, source)) {
            part.notUtf8 = true;
            break;
        }
        if (!share || scanner.atEnd() || scanner.position() >= base + stop) break;
        stop = share(static_cast<size_t>(scanner.position() - base), stop);
    }
    builder.releaseRead(scanner, source);
    part.end = scanner.position();
    part.newlines = scanner.line() - 1;
    TableReadResult r = builder.take();
    part.table = std::move(r.table);
    part.rejects = std::move(r.rejects);
    part.rejectCount = r.rejectCount;
    // Hashed and counted here, on the stretch's own thread: joining merges the counts and
    // sorts the few ids that may repeat.
    if (const int id = streamedIdColumn(schema); id >= 0) part.ids = hashIds(*part.table, static_cast<size_t>(id), layout.rowsGuess);
    return part;
}

int streamedIdColumn(const TableSchema& schema) {
    int found = -1;
    for (size_t c = 0; c < schema.columns.size(); ++c) {
        if (!schema.columns[c].isId || schema.columns[c].type != PATROL_COLUMN_STRING) continue;
        if (found >= 0) return -1;
        found = static_cast<int>(c);
    }
    return found;
}

TableReadResult joinParts(std::vector<TablePart> parts, const std::vector<uint32_t>& lineShifts, const TableSchema& schema,
                          const ReadLimits& limits) {
    // Rows of the whole file are numbered part after part.
    std::vector<uint32_t> base(parts.size() + 1, 0);
    for (size_t k = 0; k < parts.size(); ++k) base[k + 1] = base[k] + static_cast<uint32_t>(parts[k].table->rowCount());
    auto partOf = [&](uint32_t row) { return static_cast<size_t>(std::upper_bound(base.begin() + 1, base.end(), row) - base.begin() - 1); };
    auto lineOf = [&](uint32_t row) {
        const size_t k = partOf(row);
        return parts[k].table->sourceLine(row - base[k]) + lineShifts[k];
    };

    std::vector<std::vector<uint32_t>> dropped(parts.size());  // per part, its own row numbers
    const int idColumn = streamedIdColumn(schema);
    if (idColumn >= 0) {
        const auto c = static_cast<size_t>(idColumn);
        for (size_t k = 1; k < parts.size(); ++k) parts[0].ids.census.merge(parts[k].ids.census);
        PodBuffer<uint64_t> keys;  // rows numbered for the whole file
        for (size_t k = 0; k < parts.size(); ++k) {
            addRepeatCandidates(parts[k].ids.byRow, parts[0].ids.census, base[k], keys);
            parts[k].ids.byRow = PodBuffer<uint32_t>();
        }
        auto repeats = repeatsIn(keys, [&](uint32_t row) {
            const size_t k = partOf(row);
            return parts[k].table->text(c, row - base[k]);
        });
        for (auto& part : parts) part.ids = IdHashes();
        // In row order (as repeatsIn gives them), so that only the first repeats of each part
        // need a message.
        std::vector<size_t> described(parts.size(), 0);
        for (const RepeatedId& r : repeats) {
            const size_t k = partOf(r.row);
            ++parts[k].rejectCount;
            dropped[k].push_back(r.row - base[k]);
            if (described[k]++ >= limits.maxListedRejects) continue;
            parts[k].rejects.push_back({parts[k].table->path(), parts[k].table->sourceLine(r.row - base[k]),
                                        repeatReason(schema.columns[c], parts[k].table->text(c, r.row - base[k]), lineOf(r.firstRow))});
        }
    }

    TableReadResult result;
    for (size_t k = 0; k < parts.size(); ++k) {
        std::vector<RowReject>& rejects = parts[k].rejects;
        if (!dropped[k].empty())
            std::stable_sort(rejects.begin(), rejects.end(), [](const RowReject& a, const RowReject& b) { return a.line < b.line; });
        result.rejectCount += parts[k].rejectCount;
        for (auto& j : rejects) {
            if (result.rejects.size() >= limits.maxListedRejects) break;
            j.line += lineShifts[k];
            result.rejects.push_back(std::move(j));
        }
        rejects = {};
    }
    result.table = std::move(parts[0].table);
    result.table->dropRows(dropped[0]);
    result.table->shiftLines(lineShifts[0]);
    std::vector<const TableData*> later;
    for (size_t k = 1; k < parts.size(); ++k) later.push_back(parts[k].table.get());
    result.table->reserveToAppend(later);
    for (size_t k = 1; k < parts.size(); ++k) {
        result.table->append(*parts[k].table, lineShifts[k], dropped[k]);
        parts[k].table.reset();  // its columns have moved over: what is left of it goes before the next part
    }
    finishTable(result, schema, limits);
    return result;
}

void finishTable(TableReadResult& result, const TableSchema& schema, const ReadLimits& limits) {
    TableData& t = *result.table;
    const int streamed = streamedIdColumn(schema);
    for (size_t c = 0; c < schema.columns.size(); ++c) {
        if (!schema.columns[c].isId || schema.columns[c].type != PATROL_COLUMN_STRING) continue;
        if (static_cast<int>(c) == streamed) continue;  // caught while reading
        auto repeats = findRepeatedIds(t, c);
        if (repeats.empty()) continue;
        std::sort(repeats.begin(), repeats.end(), [](const RepeatedId& a, const RepeatedId& b) { return a.row < b.row; });
        std::vector<uint32_t> rows;
        for (const auto& r : repeats) {
            ++result.rejectCount;
            if (rows.size() < limits.maxListedRejects)
                result.rejects.push_back({t.path(), t.sourceLine(r.row), repeatReason(schema.columns[c], t.text(c, r.row), t.sourceLine(r.firstRow))});
            rows.push_back(r.row);
        }
        t.dropRows(rows);
        std::stable_sort(result.rejects.begin(), result.rejects.end(), [](const RowReject& a, const RowReject& b) { return a.line < b.line; });
        if (result.rejects.size() > limits.maxListedRejects) result.rejects.resize(limits.maxListedRejects);
    }
    t.seal();
}

}  // namespace detail

namespace {

// One pass over the whole text; nothing when it turns out not to be UTF-8.
std::optional<TableReadResult> readWhole(std::string_view text, FileText* source, const TableSchema& schema, const std::string& name,
                                         bool checkUtf8, const ReadLimits& limits) {
    text = text.substr(utf8BomLength(text));
    RecordScanner header(text, checkUtf8, false);
    const auto layout = detail::readHeader(header, schema, name, limits);
    if (!layout) return std::nullopt;
    const std::string_view body = text.substr(static_cast<size_t>(header.position() - text.data()));
    detail::TablePart part = detail::parsePart(body, body.size(), schema, *layout, name, source, checkUtf8, limits);
    if (part.notUtf8) return std::nullopt;
    std::vector<detail::TablePart> parts;
    parts.push_back(std::move(part));
    return detail::joinParts(std::move(parts), {header.line() - 1}, schema, limits);
}

}  // namespace

TableReadResult readTable(const std::filesystem::path& file, const TableSchema& schema, const ReadLimits& limits) {
    FileText source(file);
    if (auto result = readWhole(source.text(), &source, schema, file.string(), true, limits)) return std::move(*result);
    source.convertFromGb18030();
    return std::move(*readWhole(source.text(), &source, schema, file.string(), false, limits));
}

TableReadResult readTableText(std::string_view text, const TableSchema& schema, const std::string& displayName, const ReadLimits& limits) {
    if (auto result = readWhole(text, nullptr, schema, displayName, true, limits)) return std::move(*result);
    Utf8Text converted;
    size_t badOffset = 0;
    if (!convertGb18030ToUtf8(text, converted, badOffset))
        throw UserError("数据 " + displayName + " 的编码无法识别：应为 UTF-8 或 GB18030。请用 UTF-8 重新导出。");
    return std::move(*readWhole(converted.view(), nullptr, schema, displayName, false, limits));
}

}  // namespace patrol::data
