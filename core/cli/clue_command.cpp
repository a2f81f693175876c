// `patrol clue …`: findings transferred as clues (问题线索), their disposal (处置) and outcomes,
// listing and statistics. Only admin, leaders and the round's inspectors see clues.
#include <patrol/sdk/money.hpp>

#include <ostream>

#include "core/cli/app.hpp"
#include "core/cli/workflow_output.hpp"
#include "core/services/clue_service.hpp"
#include "core/services/record_json.hpp"
#include "core/services/record_views.hpp"

namespace patrol::cli {
namespace {

void printClue(Invocation& inv, const services::ClueView& v, const std::string& what) {
    inv.out << "问题线索 #" << v.clue.id << "（问题 #" << v.clue.findingId << "）" << what << "：状态 "
            << domain::clueStatuses.quoted(v.status);
    if (v.method) inv.out << "，处置方式 " << domain::disposalMethods.quotedOf(*v.method);
    inv.out << "。\n";
}

int runTransfer(Invocation& inv) {
    auto s = openSession(inv);
    const auto v = services::transferClue(s.db, s.actor, positionalId(inv, "问题编号"), inv.args.required("to"),
                                          dateOption(inv, "date"));
    printClue(inv, v, "已移交" + labelOf(domain::receivingBodies, v.clue.receiver) + "，应于 " + v.clue.replyDue.value_or("") + " 前反馈处置结果");
    return 0;
}

int runDispose(Invocation& inv) {
    auto s = openSession(inv);
    const auto v = services::disposeClue(s.db, s.actor, positionalId(inv, "线索编号"), inv.args.required("method"),
                                         inv.args.value("note"), dateOption(inv, "date"));
    printClue(inv, v, "已登记处置");
    return 0;
}

int runOutcome(Invocation& inv) {
    auto s = openSession(inv);
    services::OutcomeInput input;
    input.person = inv.args.required("person");
    input.level = inv.args.required("level");
    input.form = inv.args.required("form");
    input.partySanction = inv.args.value("party-sanction");
    input.governmentSanction = inv.args.value("gov-sanction");
    input.organizationalHandling = inv.args.value("org-handling");
    input.referred = inv.args.has("referred");
    input.recovered = inv.args.value("recovered");
    const auto v = services::recordOutcome(s.db, s.actor, positionalId(inv, "线索编号"), input, dateOption(inv, "date"));
    printClue(inv, v, "已登记 " + input.person + " 的处理结果");
    return 0;
}

int runClueList(Invocation& inv) {
    auto s = openSession(inv);
    const auto clues = services::listClues(s.db, s.actor, inv.args.value("round"));
    if (inv.format() == ListingFormat::Json) {
        std::vector<Poco::JSON::Object::Ptr> views;
        for (const auto& v : clues) views.push_back(services::clueView(v));
        inv.out << services::viewListText(views);
        return 0;
    }
    Listing listing({{"id", "编号"}, {"finding_id", "问题"}, {"round", "轮次"}, {"unit", "单位"}, {"receiver", "接收单位"},
                     {"transferred_on", "移交日期"}, {"reply_due", "反馈期限"}, {"status", "状态"}, {"method", "处置方式"},
                     {"people", "处理人数"}, {"title", "问题标题"}});
    for (const auto& v : clues)
        listing.add({Cell::number(v.clue.id), Cell::number(v.clue.findingId), Cell::of(v.clue.roundCode),
                     Cell::of(v.clue.unitCode), termCell(domain::receivingBodies, v.clue.receiver),
                     Cell::of(v.clue.transferredOn), Cell::optionalText(v.clue.replyDue),
                     Cell::term(std::string(domain::clueStatuses.code(v.status)), std::string(domain::clueStatuses.label(v.status))),
                     termCell(domain::disposalMethods, v.method), Cell::number(static_cast<int64_t>(v.outcomes.size())),
                     Cell::of(v.clue.findingTitle)});
    listing.print(inv.out, inv.format());
    return 0;
}

int runClueShow(Invocation& inv) {
    auto s = openSession(inv);
    const ListingFormat format = inv.format();
    const auto v = services::showClue(s.db, s.actor, positionalId(inv, "线索编号"));
    if (format == ListingFormat::Json) {
        inv.out << services::jsonText(services::clueView(v)) << "\n";
        return 0;
    }
    inv.out << "问题线索 #" << v.clue.id << "\n"
            << "  问题:     #" << v.clue.findingId << " " << v.clue.findingTitle << "（" << v.clue.roundCode << " / "
            << v.clue.unitCode << " " << v.clue.unitName << "）\n"
            << "  接收单位: " << labelOf(domain::receivingBodies, v.clue.receiver) << "    移交日期: " << v.clue.transferredOn
            << "    反馈期限: " << v.clue.replyDue.value_or("-") << "\n"
            << "  状态:     " << domain::clueStatuses.label(v.status) << "\n"
            << "处置（" << v.disposals.size() << "）:\n";
    for (const auto& d : v.disposals)
        inv.out << "  " << d.decidedOn << "  " << labelOf(domain::disposalMethods, d.method)
                << (d.note ? "  " + *d.note : "") << "\n";
    inv.out << "处理结果（" << v.outcomes.size() << "）:\n";
    for (const auto& o : v.outcomes) {
        inv.out << "  " << o.recordedOn << "  " << o.person << "（"
                << (o.personLevel ? labelOf(domain::cadreLevels, *o.personLevel) : "-") << "）  "
                << (o.form ? domain::disciplineForms.labelOf(*o.form) : "-");
        if (o.partySanction) inv.out << "  党纪处分:" << *o.partySanction;
        if (o.govSanction) inv.out << "  政务处分:" << *o.govSanction;
        if (o.orgHandling) inv.out << "  组织处理:" << *o.orgHandling;
        if (o.referred) inv.out << "  移送司法";
        if (o.recoveredFen) inv.out << "  追缴/挽回:" << money::formatYuan(o.recoveredFen) << " 元";
        inv.out << "\n";
    }
    return 0;
}

int runClueStats(Invocation& inv) {
    auto s = openSession(inv);
    Listing listing({{"receiver", "接收单位"}, {"clues", "线索(件)"}, {"people", "人数(人)"}, {"concluded", "已办结"},
                     {"closure_rate", "办结率%"}, {"f1", "第一种形态"}, {"f2", "第二种形态"}, {"f3", "第三种形态"},
                     {"f4", "第四种形态"}, {"sanctioned_people", "党纪政务处分(人)"}, {"referred", "移送司法(人次)"},
                     {"recovered", "追缴挽回(元)"}});
    for (const auto& f : services::clueStatistics(s.db, s.actor, inv.args.value("round"))) {
        // Per mille rounded half up, shown with one decimal: exact and reproducible.
        Cell rate{};
        if (f.clues > 0) {
            const int64_t permille = (f.concluded * 2000 + f.clues) / (2 * f.clues);
            rate = Cell{Cell::Kind::Number, std::to_string(permille / 10) + "." + std::to_string(permille % 10)};
        }
        listing.add({termCell(domain::receivingBodies, f.receiver), Cell::number(f.clues), Cell::number(f.people), Cell::number(f.concluded), rate,
                     Cell::number(f.formCounts[0]), Cell::number(f.formCounts[1]), Cell::number(f.formCounts[2]),
                     Cell::number(f.formCounts[3]), Cell::number(f.sanctionedPeople), Cell::number(f.referred),
                     Cell::money(f.recoveredFen)});
    }
    listing.print(inv.out, inv.format());
    return 0;
}

const OptionSpec kDate{"date", "YYYY-MM-DD", "日期（默认今天，不能晚于今天，不能早于线索的上一步）"};

const Registration clueTransferRegistration{CommandSpec{
    {"clue", "transfer"}, "把问题作为线索移交纪委监委、组织部或其他单位（3 个月内反馈）",
    {{"to", "纪委监委|组织部|other", "接收单位"}, kDate}, "FINDING", 1, 1,
    "  patrol clue transfer 12 --to 纪委监委\n", runTransfer}};

const Registration clueDisposeRegistration{CommandSpec{
    {"clue", "dispose"}, "登记线索处置方式",
    {{"method", "talk_inquiry|preliminary|hold|close", "谈话函询|初步核实|暂存待查|予以了结"},
     {"note", "TEXT", "说明"}, kDate},
    "ID", 1, 1, "  patrol clue dispose 3 --method preliminary\n", runDispose}};

const Registration clueOutcomeRegistration{CommandSpec{
    {"clue", "outcome"}, "登记一名被处理人的处理结果",
    {{"person", "NAME", "被处理人姓名"}, {"level", "县处级|乡科级|其他", "干部层级"}, {"form", "f1..f4", "四种形态"},
     {"party-sanction", "WORD", "党纪处分：警告|严重警告|撤销党内职务|留党察看|开除党籍"},
     {"gov-sanction", "WORD", "政务处分：警告|记过|记大过|降级|撤职|开除"},
     {"org-handling", "WORD", "组织处理：停职检查|调整职务|责令辞职|免职|降职|诫勉"},
     {"referred", "", "移送司法机关"}, {"recovered", "YUAN", "追缴/挽回金额（元）"}, kDate},
    "ID", 1, 1,
    "  patrol clue outcome 3 --person 张某 --level 乡科级 --form f2 --party-sanction 警告 --recovered 5200\n",
    runOutcome}};

const Registration clueListRegistration{CommandSpec{
    {"clue", "list"}, "列出可见的问题线索", {roundFilterOption(), formatOption()}, "", 0, 0,
    "  patrol clue list --round 2026-R1\n", runClueList}};

const Registration clueShowRegistration{CommandSpec{
    {"clue", "show"}, "显示一条问题线索的处置和处理结果", {showFormatOption()}, "ID", 1, 1, "  patrol clue show 3\n", runClueShow}};

const Registration clueStatsRegistration{CommandSpec{
    {"clue", "stats"}, "线索统计：按接收单位的件数、人数、办结率、四种形态、处分与追缴",
    {{"round", "CODE", "只统计这一轮"}, formatOption()}, "", 0, 0, "  patrol clue stats\n", runClueStats}};

}  // namespace
}  // namespace patrol::cli
