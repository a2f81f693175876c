#include "core/cli/record_listings.hpp"

#include "core/domain/finding_status.hpp"
#include "core/domain/round_kind.hpp"
#include "core/domain/round_stage.hpp"
#include "core/domain/severity.hpp"
#include "core/services/record_views.hpp"

namespace patrol::cli {

namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ",") + w;
    return out;
}

}  // namespace

Listing roundListing(const std::vector<store::RoundRecord>& rounds) {
    Listing listing({{"code", "编码"},
                     {"title", "名称"},
                     {"kind", "类型"},
                     {"term", "届次"},
                     {"stage", "阶段"},
                     {"stage_name", "阶段名称", false},
                     {"start", "开始"},
                     {"end", "结束"},
                     {"plugins", "检查插件"},
                     {"lookback_of", "回看轮次"}});
    for (const auto& r : rounds)
        listing.add({Cell::of(r.code), Cell::of(r.title), termCell(domain::roundKinds, r.kind), Cell::optionalText(r.term),
                     termCell(domain::roundStages, r.stage),
                     Cell::of(domain::roundStages.labelOf(r.stage)),
                     Cell::of(r.startDate), Cell::of(r.endDate), Cell::of(joined(r.plugins)),
                     Cell::optionalText(r.lookbackOfCode)});
    return listing;
}

Listing findingListing(const std::vector<store::FindingRecord>& findings, const PluginNames& names, bool withTransfer) {
    std::vector<Field> columns{{"id", "编号"},
                               {"round", "轮次"},
                               {"unit", "单位"},
                               {"unit_name", "单位名称"},
                               {"category", "类别"},
                               {"title", "问题"},
                               {"severity", "严重程度"},
                               {"amount", "金额（元）"},
                               {"status", "状态"},
                               {"status_name", "状态名称", false},
                               {"source", "来源"}};
    if (withTransfer) columns.push_back({"transferred", "已移交"});
    Listing listing(columns);
    for (const auto& f : findings) {
        std::vector<Cell> row{Cell::number(f.id), Cell::of(f.roundCode), Cell::of(f.unitCode), Cell::of(f.unitName),
                              names.categoryCell(f.category, f.source), Cell::of(f.title),
                              termCell(domain::severities, f.severity), f.amountFen ? Cell::money(*f.amountFen) : Cell{},
                              termCell(domain::findingStatuses, f.status),
                              Cell::of(domain::findingStatuses.labelOf(f.status)), names.sourceCell(f.source)};
        if (withTransfer) row.push_back(Cell::boolean(f.transferred));
        listing.add(row);
    }
    return listing;
}

void printRounds(std::ostream& out, const std::vector<store::RoundRecord>& rounds, ListingFormat format) {
    if (format != ListingFormat::Json) return roundListing(rounds).print(out, format);
    std::vector<Poco::JSON::Object::Ptr> views;
    for (const auto& r : rounds) views.push_back(services::roundView(r));
    out << services::viewListText(views);
}

void printFindings(std::ostream& out, const std::vector<store::FindingRecord>& findings, const PluginNames& names,
                   bool withTransfer, ListingFormat format) {
    if (format != ListingFormat::Json) return findingListing(findings, names, withTransfer).print(out, format);
    std::vector<Poco::JSON::Object::Ptr> views;
    for (const auto& f : findings) views.push_back(services::findingView(f, withTransfer));
    out << services::viewListText(views);
}

}  // namespace patrol::cli
