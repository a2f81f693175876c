// 三色预警 (spec/domain.md "Warnings and escalation"): levels, when they apply, who is told.
#pragma once

#include <cstdint>
#include <vector>

#include "core/domain/vocabulary.hpp"

namespace patrol::domain {

// Ordered: a task's level only rises until it is accepted or its due date is extended.
enum class EscalationLevel { None = 0, Green = 1, Yellow = 2, Red = 3, Accountability = 4 };

inline constexpr Vocabulary<EscalationLevel, 5> escalationLevels{
    "预警等级",
    {{{EscalationLevel::None, "none", "无"},
      {EscalationLevel::Green, "green", "绿色提醒"},
      {EscalationLevel::Yellow, "yellow", "黄色预警"},
      {EscalationLevel::Red, "red", "红色督办"},
      {EscalationLevel::Accountability, "accountability", "问责建议"}}}};

// The thresholds (natural days), named so the rule reads like the table.
struct EscalationRule {
    int greenDaysLeft = 20;
    int yellowDaysLeft = 10;
    int accountabilityDaysOverdue = 30;
    int accountabilityReturns = 3;
};

// The level a task deserves on asOf, from its due date and how often it was returned.
EscalationLevel deservedLevel(int32_t due, int32_t asOf, int timesReturned, const EscalationRule& rule = {});

// The level after evaluation: never below the current one (levels only rise).
constexpr EscalationLevel raisedLevel(EscalationLevel current, EscalationLevel deserved) {
    return deserved > current ? deserved : current;
}

// UnitContact is told in the handler's place when the task names no handler.
enum class Recipient { Handler, ResponsibleLeader, UnitHead, InspectionOffice, Leadership, UnitContact };

inline constexpr Vocabulary<Recipient, 6> recipients{
    "通知对象",
    {{{Recipient::Handler, "handler", "责任人"},
      {Recipient::ResponsibleLeader, "responsible_leader", "分管领导"},
      {Recipient::UnitHead, "unit_head", "单位主要负责人"},
      {Recipient::InspectionOffice, "inspection_office", "巡察办"},
      {Recipient::Leadership, "leadership", "巡察工作领导小组"},
      {Recipient::UnitContact, "unit_contact", "单位联系人"}}}};

// Who must be told when a task reaches the level (empty for None).
std::vector<Recipient> recipientsFor(EscalationLevel level);

}  // namespace patrol::domain
