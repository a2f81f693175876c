// The kinds of failure a user can meet. Every refusal is a UserError; its kind tells a front
// door how to answer (the CLI exits 2 for all of them, an HTTP door maps each to a status).
#pragma once

#include <stdexcept>
#include <string>

namespace patrol {

enum class ErrorKind {
    InvalidInput,  // what was typed is malformed or missing
    NotFound,      // no such record, or one the user may not see (reported alike)
    Forbidden,     // the user's role may not do this
    Conflict,      // the record's state does not allow it now
    TooLarge,      // a file or body over its limit
    Unauthenticated,  // no valid credentials: sign-in refused, session expired, unknown token
    Busy,          // another writer held the store past the wait; nothing was written, try again
};

// What the user can do about a refusal, named by its domain action (e.g. "task.accept") and
// the record it concerns. The message already says it in domain words; a front door may word
// it in its own terms (the CLI as a command line, a web page as a link).
struct NextStep {
    std::string action;   // empty: nothing for a front door to add
    std::string subject;  // e.g. a round code, a task number, a user name
};

// A refused action. The message is Chinese and says what was expected, what was found and
// what to do, in the words of the domain (front doors add their own hints).
class UserError : public std::runtime_error {
public:
    explicit UserError(const std::string& message, NextStep next = {})
        : std::runtime_error(message), next_(std::move(next)) {}
    virtual ErrorKind kind() const { return ErrorKind::InvalidInput; }
    const NextStep& next() const { return next_; }

private:
    NextStep next_;
};

// Malformed or missing input. `field` names it for a front door (e.g. "measure"); `label` is
// the Chinese name the message starts with (e.g. "整改措施"), so a door can point at it.
class InvalidInput : public UserError {
public:
    InvalidInput(std::string field, std::string label, const std::string& rest)
        : UserError(label + rest), field_(std::move(field)), label_(std::move(label)) {}
    const std::string& field() const { return field_; }
    const std::string& label() const { return label_; }

private:
    std::string field_;
    std::string label_;
};

// No such record, or one the actor may not see: both read exactly alike. `entity` names the
// kind of record ("task", "round", "unit", "user", "finding", "clue", "plugin").
class NotFound : public UserError {
public:
    NotFound(std::string entity, const std::string& message) : UserError(message), entity_(std::move(entity)) {}
    ErrorKind kind() const override { return ErrorKind::NotFound; }
    const std::string& entity() const { return entity_; }

private:
    std::string entity_;
};

// The actor's role may not do this ("无权…").
class Forbidden : public UserError {
public:
    using UserError::UserError;
    ErrorKind kind() const override { return ErrorKind::Forbidden; }
};

// The record's current state does not allow the action ("当前状态为…，不能…").
class Conflict : public UserError {
public:
    using UserError::UserError;
    ErrorKind kind() const override { return ErrorKind::Conflict; }
};

// Over a size limit (evidence files).
class TooLarge : public UserError {
public:
    using UserError::UserError;
    ErrorKind kind() const override { return ErrorKind::TooLarge; }
};

// Credentials missing or not accepted. The message never tells which part was wrong.
class Unauthenticated : public UserError {
public:
    using UserError::UserError;
    ErrorKind kind() const override { return ErrorKind::Unauthenticated; }
};

// The store stayed locked by another writer past the busy timeout; nothing was written.
class Busy : public UserError {
public:
    using UserError::UserError;
    ErrorKind kind() const override { return ErrorKind::Busy; }
};

// Something the user cannot fix: a bug, an I/O failure.
class InternalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace patrol
