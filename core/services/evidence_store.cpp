#include "core/services/evidence_store.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "core/data/text_encoding.hpp"
#include "core/domain/errors.hpp"
#include "core/services/evidence_sweep.hpp"
#include "core/services/file_copy.hpp"
#include "core/store/evidence_repository.hpp"

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

std::string tooLargeWhileReading(const std::string& name, int64_t limit) {
    return "佐证材料 " + name + " 超过大小上限 " + std::to_string(limit) +
           " 字节（配置项 evidence.max_bytes），已停止接收；请压缩或拆分后再上传。";
}

std::string unreadable(const std::string& name) {
    return "读取佐证材料 " + name + " 时出错，内容没有完整收到，未保存任何内容；请重新上传。";
}

std::string sizeChanged(const std::string& name, int64_t declared, int64_t read) {
    return "佐证材料 " + name + " 应为 " + std::to_string(declared) + " 字节，实际读到 " + std::to_string(read) +
           " 字节（文件在读取时被改动，或上传不完整），未保存任何内容；请重新上传。";
}

// Temporaries are named ".incoming-<pid>-<n>" in the evidence folder so that the final rename is
// atomic and a leftover is recognisable; several threads may store at once.
std::string tempPathIn(const fs::path& dir) {
    static std::atomic<uint64_t> counter{0};
    return (dir / (".incoming-" + std::to_string(::getpid()) + "-" + std::to_string(++counter))).string();
}

// Removes the temporary file on every way out but the one that renamed it into place.
class IncomingFile {
public:
    explicit IncomingFile(std::string path) : path_(std::move(path)) {}
    ~IncomingFile() {
        std::error_code ec;
        if (!path_.empty()) fs::remove(path_, ec);
    }
    IncomingFile(const IncomingFile&) = delete;
    IncomingFile& operator=(const IncomingFile&) = delete;
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

}  // namespace

std::string evidenceOriginalName(std::string_view given) {
    // Only '/' separates folders here: "收据\\2026.pdf" is a file's whole name on this system.
    const size_t slash = given.find_last_of('/');
    if (slash != std::string_view::npos) given.remove_prefix(slash + 1);
    std::string name;
    for (size_t at = 0; at < given.size();) {
        const auto u = static_cast<unsigned char>(given[at]);
        // A byte that does not start a whole UTF-8 character (a name in another encoding) would
        // make every view that shows the name invalid: it becomes "_" like a control character.
        const size_t length = u < 0x80 ? 1 : u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
        if (u >= 0x80 && (at + length > given.size() || !data::isValidUtf8(given.substr(at, length)))) {
            name += '_';
            ++at;
            continue;
        }
        if (u < 0x20 || u == 0x7F) name += '_';
        else name += given.substr(at, length);
        at += length;
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

std::string EvidenceStore::labelOf(const EvidenceUpload& upload) const {
    return upload.label.empty() ? evidenceOriginalName(upload.originalName) : upload.label;
}

void EvidenceStore::checkDeclared(const EvidenceUpload& upload) const {
    if (!upload.declaredSize) return;
    if (*upload.declaredSize == 0) throw UserError(emptyFile(labelOf(upload)));
    if (*upload.declaredSize > static_cast<uint64_t>(maxBytes_))
        throw TooLarge(tooLarge(labelOf(upload), static_cast<int64_t>(*upload.declaredSize), maxBytes_));
}

StoredEvidence EvidenceStore::store(const EvidenceUpload& upload) const {
    if (upload.content == nullptr) throw InternalError("evidence upload without a stream");
    checkDeclared(upload);
    const std::string label = labelOf(upload);
    if (const auto ec = createPrivateFolders(folder_)) throw InternalError("cannot create " + folder_ + ": " + ec.message());
    sweepOnce(folder_);
    IncomingFile temp(tempPathIn(folder_));
    NewSyncedFile out(temp.path());
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    std::istream& in = *upload.content;
    if (!in) throw UserError(unreadable(label));  // e.g. a file stream that could not open
    int64_t size = 0;
    char buffer[65536];
    while (in) {
        // Never ask for more than one byte past the limit: an endless stream costs limit + 1 bytes.
        const auto wanted = static_cast<std::streamsize>(std::min<int64_t>(sizeof buffer, maxBytes_ - size + 1));
        in.read(buffer, wanted);
        const std::streamsize got = in.gcount();
        if (got <= 0) break;
        size += got;
        if (size > maxBytes_) throw TooLarge(tooLargeWhileReading(label, maxBytes_));
        engine.update(buffer, static_cast<unsigned>(got));
        out.write(buffer, static_cast<size_t>(got));
    }
    if (in.bad()) throw UserError(unreadable(label));
    if (size == 0) throw UserError(emptyFile(label));
    if (upload.declaredSize && static_cast<uint64_t>(size) != *upload.declaredSize)
        throw UserError(sizeChanged(label, static_cast<int64_t>(*upload.declaredSize), size));
    out.finish();  // on disk before it is renamed into place and acknowledged
    auto stored = commit(temp.path(), Poco::DigestEngine::digestToHex(engine.digest()), size, upload.originalName);
    temp.release();
    return stored;
}

void EvidenceStore::discardUnreferenced(store::Database& db, const std::vector<StoredEvidence>& stored) const noexcept {
    for (const auto& e : stored) {
        if (!e.created) continue;  // bytes stored before belong to earlier rows
        try {
            if (store::evidenceBytesReferenced(db, e.sha256)) continue;
            const fs::path target = fs::path(folder_) / e.storedPath;
            std::error_code ec;
            fs::remove(target, ec);
            fs::remove(target.parent_path(), ec);  // only when empty
        } catch (...) {
            // Leaving an unreferenced file is harmless; hiding the original failure is not.
        }
    }
}

StoredEvidence EvidenceStore::commit(const std::string& tempPath, const std::string& sha256, int64_t size,
                                     std::string_view originalName) const {
    StoredEvidence e{sha256, size, evidenceOriginalName(originalName), evidenceRelativePath(sha256)};
    const fs::path target = fs::path(folder_) / e.storedPath;
    std::error_code ec;
    const bool newFolder = !fs::is_directory(target.parent_path(), ec);
    if (const auto failed = createPrivateFolders(target.parent_path()))
        throw InternalError("cannot create " + target.parent_path().string() + ": " + failed.message());
    const bool existed = fs::exists(target, ec);
    if (existed && static_cast<int64_t>(fs::file_size(target, ec)) == size) {
        fs::remove(tempPath, ec);  // the same bytes are already stored
    } else {
        fs::rename(tempPath, target);  // atomic: the temporary file is in the same folder tree
        // The rename, and a folder made for it, reach the disk before the upload is acknowledged.
        syncFolder(target.parent_path());
        if (newFolder) syncFolder(folder_);
    }
    e.created = !existed;
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
