#include "core/services/csv_file.hpp"

#include <unistd.h>

#include <string_view>

#include "core/data/file_text.hpp"
#include "core/data/record_scanner.hpp"
#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"

namespace patrol::services {

namespace {

void scanRows(std::string_view text, bool checkUtf8, const std::string& path, const data::ReadLimits& limits,
              const std::function<void(CsvRow&)>& onRow) {
    data::RecordScanner scanner(text, checkUtf8);
    CsvRow row;
    while (!scanner.atEnd()) {
        if (scanner.skipBlankLine()) continue;
        row.line = scanner.line();
        row.fields.clear();
        row.textAfterQuote = false;
        const char* const start = scanner.position();
        size_t fieldCount = 0;
        size_t oversize = 0;  // 1-based field past the limit
        const auto status = scanner.next(
            [&](size_t index, const char* data, size_t size, bool escaped) {
                // Measured, not copied: one runaway value must not be held whole.
                if (size > limits.maxFieldBytes) {
                    if (!oversize) oversize = index + 1;
                    row.fields.emplace_back();
                    return;
                }
                if (!oversize) row.fields.push_back(data::FieldSlice{data, size, escaped}.text());
            },
            fieldCount);
        if (status == data::RecordStatus::UnterminatedQuote)
            throw UserError(path + " 第 " + std::to_string(row.line) + " 行：引号没有闭合。请检查该行的双引号。");
        const auto bytes = static_cast<size_t>(scanner.position() - start);
        if (bytes > limits.maxLineBytes)
            throw UserError(path + " 第 " + std::to_string(row.line) + " 行长 " + std::to_string(bytes) + " 字节，超过每行 " +
                            std::to_string(limits.maxLineBytes) + " 字节的上限（设置 data.max_line_bytes）。请检查该行是否缺少换行或引号。没有导入任何内容。");
        if (oversize)
            throw UserError(path + " 第 " + std::to_string(row.line) + " 行：第 " + std::to_string(oversize) + " 个字段超过每个值 " +
                            std::to_string(limits.maxFieldBytes) + " 字节的上限（设置 data.max_field_bytes）。请检查该行。没有导入任何内容。");
        row.textAfterQuote = status == data::RecordStatus::TextAfterQuote;
        onRow(row);
    }
}

}  // namespace

void forEachCsvRow(const std::string& path, const data::ReadLimits& limits, const std::function<void(CsvRow&)>& onRow,
                   const std::string& shownAs) {
    const std::string shown = shownAs.empty() ? path : shownAs;
    // Said in the words of a file the user names, not of a dataset.
    if (::access(path.c_str(), R_OK) != 0)
        throw UserError("无法读取文件 " + shown + "：文件不存在或没有读权限。请检查路径。");
    data::FileText file(path);
    // The encoding is decided before the first row is handed over, so no row is seen twice.
    if (!data::isValidUtf8(file.text())) file.convertFromGb18030();
    scanRows(file.text(), !file.convertedFromGb18030(), shown, limits, onRow);
}

std::vector<CsvRow> readCsvFile(const std::string& path, const data::ReadLimits& limits) {
    std::vector<CsvRow> rows;
    forEachCsvRow(path, limits, [&rows](CsvRow& row) { rows.push_back(std::move(row)); });
    return rows;
}

}  // namespace patrol::services
