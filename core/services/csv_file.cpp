#include "core/services/csv_file.hpp"

#include <unistd.h>

#include <optional>
#include <string_view>

#include "core/data/file_text.hpp"
#include "core/data/record_scanner.hpp"
#include "core/domain/errors.hpp"

namespace patrol::services {

namespace {

// The rows of the text, or none when it turns out not to be UTF-8.
std::optional<std::vector<CsvRow>> scanRows(std::string_view text, bool checkUtf8, const std::string& path) {
    data::RecordScanner scanner(text, checkUtf8);
    std::vector<CsvRow> rows;
    while (!scanner.atEnd()) {
        if (scanner.skipBlankLine()) continue;
        CsvRow row;
        row.line = scanner.line();
        size_t fieldCount = 0;
        const auto status = scanner.next(
            [&row](size_t, const char* data, size_t size, bool escaped) { row.fields.push_back(data::FieldSlice{data, size, escaped}.text()); },
            fieldCount);
        if (scanner.notUtf8()) return std::nullopt;
        if (status == data::RecordStatus::UnterminatedQuote)
            throw UserError(path + " 第 " + std::to_string(row.line) + " 行：引号没有闭合。请检查该行的双引号。");
        row.textAfterQuote = status == data::RecordStatus::TextAfterQuote;
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

std::vector<CsvRow> readCsvFile(const std::string& path, const std::string& shownAs) {
    const std::string shown = shownAs.empty() ? path : shownAs;
    // Said in the words of a file the user names, not of a dataset.
    if (::access(path.c_str(), R_OK) != 0)
        throw UserError("无法读取文件 " + shown + "：文件不存在或没有读权限。请检查路径。");
    data::FileText file(path);
    if (auto rows = scanRows(file.text(), true, shown)) return std::move(*rows);
    file.convertFromGb18030();
    return std::move(*scanRows(file.text(), false, shown));
}

}  // namespace patrol::services
