#include "core/services/evidence_store.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/domain/errors.hpp"

namespace patrol::services {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxNameBytes = 255;

std::string tooLarge(const std::string& name, int64_t size, int64_t limit) {
    return "佐证材料 " + name + " 大小为 " + std::to_string(size) + " 字节，超过上限 " + std::to_string(limit) +
           " 字节（配置项 evidence.max_bytes）；请压缩或拆分后再上传。";
}

std::string emptyFile(const std::string& name) {
    return "佐证材料文件 " + name + " 是空文件（0 字节），不能作为佐证材料。请选择有内容的文件。";
}

std::string tempPathIn(const fs::path& dir) {
    static int counter = 0;
    return (dir / (".incoming-" + std::to_string(::getpid()) + "-" + std::to_string(++counter))).string();
}

}  // namespace

std::string evidenceOriginalName(std::string_view given) {
    const size_t slash = given.find_last_of("/\\");
    if (slash != std::string_view::npos) given.remove_prefix(slash + 1);
    std::string name;
    for (char c : given) {
        const auto u = static_cast<unsigned char>(c);
        name += (u < 0x20 || u == 0x7F) ? '_' : c;
    }
    if (name.size() > kMaxNameBytes) {
        size_t cut = kMaxNameBytes;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // keep whole characters
        name.resize(cut);
    }
    if (name.empty() || name == "." || name == "..") name = "unnamed";
    return name;
}

std::string evidenceLabel(const store::EvidenceRecord& e) {
    std::string label = "佐证材料 #" + std::to_string(e.id) + "「" + e.originalName + "」";
    if (e.taskId) label += "（整改任务 #" + std::to_string(*e.taskId) + "）";
    return label;
}

std::string evidenceRelativePath(const std::string& sha256) { return sha256.substr(0, 2) + "/" + sha256; }

EvidenceStore::EvidenceStore(std::string folder, int64_t maxBytes, std::string legacyFolder)
    : folder_(std::move(folder)), maxBytes_(maxBytes), legacyFolder_(std::move(legacyFolder)) {}

void EvidenceStore::check(const std::string& sourcePath) const {
    std::error_code ec;
    if (!fs::is_regular_file(sourcePath, ec))
        throw UserError("找不到佐证材料文件 " + sourcePath + "：--evidence 应指向一个已存在的普通文件。");
    const auto size = static_cast<int64_t>(fs::file_size(sourcePath, ec));
    if (ec) throw UserError("无法读取佐证材料文件 " + sourcePath + "：" + ec.message() + "。");
    if (size == 0) throw UserError(emptyFile(sourcePath));
    if (size > maxBytes_) throw TooLarge(tooLarge(sourcePath, size, maxBytes_));
}

StoredEvidence EvidenceStore::storeFile(const std::string& sourcePath) const {
    check(sourcePath);
    std::ifstream in(sourcePath, std::ios::binary);
    if (!in) throw UserError("无法打开佐证材料文件 " + sourcePath + "：请检查文件权限。");
    const fs::path incoming = fs::path(folder_);
    fs::create_directories(incoming);
    const std::string temp = tempPathIn(incoming);
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw InternalError("cannot write " + temp);
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    int64_t size = 0;
    char buffer[65536];
    while (in) {
        in.read(buffer, sizeof buffer);
        const std::streamsize got = in.gcount();
        if (got <= 0) break;
        size += got;
        if (size > maxBytes_) {  // the file grew after the check
            out.close();
            fs::remove(temp);
            throw TooLarge(tooLarge(sourcePath, size, maxBytes_));
        }
        engine.update(buffer, static_cast<unsigned>(got));
        out.write(buffer, got);
    }
    out.close();
    if (!out) {
        fs::remove(temp);
        throw InternalError("cannot write " + temp);
    }
    if (size == 0) {  // emptied after the check
        fs::remove(temp);
        throw UserError(emptyFile(sourcePath));
    }
    return commit(temp, Poco::DigestEngine::digestToHex(engine.digest()), size, sourcePath);
}

StoredEvidence EvidenceStore::storeBytes(std::string_view bytes, std::string_view originalName) const {
    const auto size = static_cast<int64_t>(bytes.size());
    if (size == 0) throw UserError(emptyFile(evidenceOriginalName(originalName)));
    if (size > maxBytes_) throw TooLarge(tooLarge(evidenceOriginalName(originalName), size, maxBytes_));
    const fs::path incoming = fs::path(folder_);
    fs::create_directories(incoming);
    const std::string temp = tempPathIn(incoming);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw InternalError("cannot write " + temp);
    }
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return commit(temp, Poco::DigestEngine::digestToHex(engine.digest()), size, originalName);
}

StoredEvidence EvidenceStore::commit(const std::string& tempPath, const std::string& sha256, int64_t size,
                                     std::string_view originalName) const {
    StoredEvidence e{sha256, size, evidenceOriginalName(originalName), evidenceRelativePath(sha256)};
    const fs::path target = fs::path(folder_) / e.storedPath;
    fs::create_directories(target.parent_path());
    std::error_code ec;
    if (fs::exists(target, ec) && static_cast<int64_t>(fs::file_size(target, ec)) == size) {
        fs::remove(tempPath, ec);  // the same bytes are already stored
    } else {
        fs::rename(tempPath, target);
    }
    return e;
}

std::string EvidenceStore::absolutePath(const StoredEvidence& evidence) const {
    return (fs::path(folder_) / evidence.storedPath).string();
}

std::optional<std::string> EvidenceStore::locate(const std::string& sha256) const {
    std::error_code ec;
    for (const std::string& base : {folder_, legacyFolder_}) {
        if (base.empty()) continue;
        const fs::path candidate = fs::path(base) / evidenceRelativePath(sha256);
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return std::nullopt;
}

}  // namespace patrol::services
