#include "core/http/exchange.hpp"

#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <istream>

#include "core/domain/errors.hpp"
#include "core/http/http_refusal.hpp"

namespace patrol::http {

namespace {

bool isJson(const std::string& contentType) {
    std::string lower = contentType.substr(0, contentType.find(';'));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    lower.erase(std::remove(lower.begin(), lower.end(), ' '), lower.end());
    return lower == "application/json";
}

std::string tooLargeText(int64_t limit) {
    return "请求体超过上限 " + std::to_string(limit) + " 字节（配置项 server.max_body_bytes），已停止接收，未作任何改动。";
}

}  // namespace

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, const ServerContext& context, store::Database& db,
                   std::map<std::string, std::string> params)
    : request_(request), context_(context), db_(db), params_(std::move(params)) {
    const Poco::URI uri(request.getURI());
    path_ = uri.getPath();
    for (const auto& [key, value] : uri.getQueryParameters()) query_[key] = value;
}

void Exchange::writeTogether(const store::GroupCommit::Write& write) {
    if (context_.groupCommit)
        context_.groupCommit->run(db_, write);
    else
        write(db_);
}

std::string Exchange::clientAddress() const { return request_.clientAddress().host().toString(); }

const std::string& Exchange::param(const std::string& name) const { return params_.at(name); }

int64_t Exchange::idParam(const std::string& name, NotFound (*notFound)(const std::string& typed)) const {
    const std::string& text = param(name);
    const bool digits = !text.empty() && text.size() <= 18 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!digits || std::stoll(text) <= 0) throw notFound(text);
    return std::stoll(text);
}

std::optional<std::string> Exchange::query(const std::string& name) const {
    const auto it = query_.find(name);
    if (it == query_.end()) return std::nullopt;
    return it->second;
}

bool Exchange::queryFlag(const std::string& name) const {
    const auto value = query(name);
    return value && (*value == "true" || *value == "1" || value->empty());
}

std::string Exchange::readBody(int64_t limit) {
    if (request_.hasContentLength() && request_.getContentLength64() > limit) throw TooLarge(tooLargeText(limit));
    std::string body;
    char buffer[16384];
    std::istream& in = request_.stream();
    while (in) {
        in.read(buffer, sizeof buffer);
        body.append(buffer, static_cast<size_t>(in.gcount()));
        if (static_cast<int64_t>(body.size()) > limit) throw TooLarge(tooLargeText(limit));
    }
    // A body cut short (sender hung up or stalled past the timeout) may still parse: never act on it.
    const bool shortOfAnnounced = request_.hasContentLength() && static_cast<int64_t>(body.size()) < request_.getContentLength64();
    if (shortOfAnnounced)
        throw HttpRefusal(400, "incomplete_body",
                          "请求体没有完整收到：声明 " + std::to_string(request_.getContentLength64()) + " 字节，只收到 " +
                              std::to_string(body.size()) + " 字节。未作任何改动，请重新发送。");
    if (in.bad())
        throw HttpRefusal(400, "incomplete_body", "请求体没有完整收到（连接中断或超时）。未作任何改动，请重新发送。");
    return body;
}

JsonFields Exchange::json() {
    const int64_t limit = std::min(kMaxJsonBodyBytes, context_.maxBodyBytes);
    const bool announcedEmpty = request_.hasContentLength() && request_.getContentLength64() == 0;
    if (!announcedEmpty && !request_.getContentType().empty() && !isJson(request_.getContentType()))
        throw HttpRefusal(415, "unsupported_media_type",
                          "这个接口只接受 JSON 请求体（Content-Type: application/json），收到的是 " + request_.getContentType() + "。");
    const std::string body = readBody(limit);
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) return JsonFields::parse("{}");
    if (request_.getContentType().empty())
        throw HttpRefusal(415, "unsupported_media_type", "请求体缺少 Content-Type：请设为 application/json。");
    return JsonFields::parse(body);
}

const services::Actor& Exchange::actor() const {
    if (!actor_) throw Unauthenticated("请先登录。");
    return *actor_;
}

}  // namespace patrol::http
