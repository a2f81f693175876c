#include "core/services/backup_manifest.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "core/domain/errors.hpp"
#include "core/services/record_json.hpp"

namespace patrol::services {

namespace {

constexpr const char* kFormat = "patrol-backup";
constexpr int kFormatVersion = 1;

}  // namespace

const ManifestFile& databaseEntry(const BackupManifest& m) {
    for (const auto& f : m.files)
        if (f.path == m.database) return f;
    throw UserError("清单 manifest.json 没有列出数据库文件 " + m.database + "。");
}

std::string manifestText(const BackupManifest& m) {
    auto o = jsonObject();
    o->set("format", kFormat);
    o->set("format_version", kFormatVersion);
    o->set("created_at", m.createdAt);
    o->set("created_by", m.createdBy);
    o->set("source", m.source);
    o->set("schema_version", m.schemaVersion);
    o->set("database", m.database);
    o->set("evidence_folder", m.evidenceFolder);
    auto counts = jsonObject();
    for (const auto& [table, rows] : m.tableRows) counts->set(table, rows);
    o->set("table_rows", counts);
    o->set("evidence_rows", m.evidenceRows);
    o->set("evidence_files", m.evidenceFiles);
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const auto& f : m.files) {
        auto x = jsonObject();
        x->set("path", f.path);
        x->set("size", f.size);
        x->set("sha256", f.sha256);
        files->add(x);
    }
    o->set("files", files);
    std::ostringstream out;
    o->stringify(out, 2);
    out << "\n";
    return out.str();
}

BackupManifest parseManifest(const std::string& text) {
    try {
        const auto o = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
        if (!o || o->optValue<std::string>("format", "") != kFormat)
            throw UserError("清单 manifest.json 不是 patrol 备份的清单（缺少 \"format\": \"patrol-backup\"）。");
        if (o->getValue<int>("format_version") != kFormatVersion)
            throw UserError("清单 manifest.json 的格式版本为 " + o->get("format_version").toString() +
                            "，本程序只认识版本 1。请用生成该备份的 patrol 版本核验。");
        BackupManifest m;
        m.createdAt = o->getValue<std::string>("created_at");
        m.createdBy = o->getValue<std::string>("created_by");
        m.source = o->getValue<std::string>("source");
        m.schemaVersion = o->getValue<int>("schema_version");
        m.database = o->getValue<std::string>("database");
        m.evidenceFolder = o->getValue<std::string>("evidence_folder");
        const auto counts = o->getObject("table_rows");
        if (!counts) throw UserError("清单 manifest.json 缺少 table_rows。");
        for (const auto& [table, rows] : *counts) m.tableRows[table] = rows.convert<int64_t>();
        m.evidenceRows = o->getValue<int64_t>("evidence_rows");
        m.evidenceFiles = o->getValue<int64_t>("evidence_files");
        const auto files = o->getArray("files");
        if (!files) throw UserError("清单 manifest.json 缺少文件列表 files。");
        for (size_t i = 0; i < files->size(); ++i) {
            const auto f = files->getObject(static_cast<unsigned>(i));
            if (!f) throw UserError("清单 manifest.json 的 files 第 " + std::to_string(i + 1) + " 项不是对象。");
            m.files.push_back({f->getValue<std::string>("path"), f->getValue<int64_t>("size"), f->getValue<std::string>("sha256")});
        }
        return m;
    } catch (const Poco::Exception& e) {
        throw UserError("清单 manifest.json 无法读取：" + e.displayText() + "。清单应为备份时写入的 JSON。", {"backup.made", ""});
    }
}

}  // namespace patrol::services
