/*
 * Patrol check-plugin ABI: the whole stable contract between the host and a plugin.
 *
 * Rules that keep it stable (after SQLite's extension API):
 *  - plain C types only; no C++ types, exceptions or allocations cross the boundary;
 *  - every struct starts with its own size, and fields are only ever appended, so a reader
 *    checks `struct_size` before touching a field added in a later minor version;
 *  - PATROL_ABI_MAJOR changes only when something is removed or changed; the host loads a
 *    plugin when the majors are equal and the host's minor is >= the plugin's minor.
 *
 * Value encodings: money is int64 fen, dates are int32 days since 1970-01-01, times are
 * int32 minutes since midnight, text is UTF-8 given as pointer + length (not NUL-terminated
 * unless said so). Absent numeric values hold PATROL_ABSENT_I32 / PATROL_ABSENT_I64; an
 * absent text is the empty text.
 *
 * Threads:
 *  - the host may call `run` of one plugin on several threads at once (one run per thread,
 *    each with its own patrol_host_api and `host`), so a plugin keeps no mutable global state;
 *    `last_error` answers for the run that last returned on the calling thread;
 *  - during a run, every function of patrol_host_api (table, is_working_day, emit, log,
 *    setting, progress) is called only from the thread that called `run`, and never after
 *    `run` has returned; an isolated run answers them over a pipe that is not safe to share;
 *  - what those functions return (tables, columns, texts) is read-only and stays valid until
 *    `run` returns: the plugin's own threads may read it freely, but must have finished before
 *    `run` returns; findings they make are handed to `emit` by the calling thread.
 */
#ifndef PATROL_PLUGIN_ABI_H
#define PATROL_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PATROL_ABI_MAJOR 1
/* Minor versions: 1.1 added working_days_between and add_working_days to patrol_host_api;
 * 1.2 added text_offsets32 to patrol_column; 1.3 added text_codes and text_distinct. */
#define PATROL_ABI_MINOR 3

#define PATROL_ABSENT_I32 INT32_MIN
#define PATROL_ABSENT_I64 INT64_MIN

/* The one symbol a plugin exports. */
#define PATROL_PLUGIN_ENTRY_SYMBOL "patrol_plugin_entry"

#if defined(__GNUC__)
#define PATROL_EXPORT __attribute__((visibility("default")))
#else
#define PATROL_EXPORT
#endif

typedef struct patrol_text {
    const char* data;
    uint64_t size;
} patrol_text;

typedef enum patrol_column_type {
    PATROL_COLUMN_STRING = 1,  /* text: offsets + bytes (Arrow-style), see patrol_column */
    PATROL_COLUMN_DATE = 2,    /* i32 days since 1970-01-01 */
    PATROL_COLUMN_TIME = 3,    /* i32 minutes since midnight */
    PATROL_COLUMN_MONEY = 4,   /* i64 fen */
    PATROL_COLUMN_INTEGER = 5, /* i64 */
    PATROL_COLUMN_ENUM = 6     /* i32 index into the words declared in the metadata */
} patrol_column_type;

/* One column of a table, in the order the plugin's metadata declares the columns.
 * Only the pointers that fit `type` are set; the others are NULL.
 * STRING: row r is bytes [o[r], o[r+1]) of text_bytes, where o is text_offsets32 or
 * text_offsets, whichever is set (exactly one is). A plugin built against ABI 1.2 or later
 * must read both ways; the host gives it text_offsets32 (half the memory) whenever the
 * column's text fits in 4 GiB. A plugin built against 1.0 or 1.1 always gets text_offsets.
 * Coded STRING (since 1.3; text_codes set): a column whose rows repeat a few texts keeps each
 * distinct text once. Row r is entry text_codes[r] of text_distinct entries, and entry k is
 * bytes [o[k], o[k+1]) of text_bytes; the entries are distinct, and one may be held by no row
 * (its rows were rejected after reading). The host codes a column when its texts repeat enough to
 * save memory; a plugin built against 1.3 or later must read both forms, and one built before
 * never gets codes. */
typedef struct patrol_column {
    uint32_t struct_size;
    uint32_t type;              /* patrol_column_type */
    const char* name;           /* NUL-terminated column name */
    const uint64_t* text_offsets;
    const char* text_bytes;
    const int32_t* i32;         /* DATE, TIME, ENUM */
    const int64_t* i64;         /* MONEY, INTEGER */
    /* Since ABI 1.2. */
    const uint32_t* text_offsets32;
    /* Since ABI 1.3. NULL unless the column is coded. */
    const uint32_t* text_codes;
    uint64_t text_distinct;     /* entries of a coded column, 0 otherwise */
} patrol_column;

/* A table read from one CSV file. Rejected rows are already left out. */
typedef struct patrol_table {
    uint32_t struct_size;
    const char* name;           /* NUL-terminated table name, e.g. "expenses" */
    uint64_t row_count;
    uint32_t column_count;
    const patrol_column* columns;
    const uint32_t* source_lines; /* 1-based line of each row in its file, for messages */
} patrol_table;

typedef struct patrol_finding {
    uint32_t struct_size;
    patrol_text rule;           /* rule code from the metadata, e.g. "FS-03" */
    patrol_text unit;           /* unit_code the finding is charged to */
    const patrol_text* refs;    /* record ids; the host sorts them */
    uint32_t ref_count;
    int32_t has_amount;         /* 0: the rule names no amount */
    int64_t amount_fen;
    patrol_text title;          /* Chinese, names the record and the numbers */
    patrol_text detail;
} patrol_finding;

typedef enum patrol_log_level {
    PATROL_LOG_DEBUG = 0,
    PATROL_LOG_INFO = 1,
    PATROL_LOG_WARNING = 2,
    PATROL_LOG_ERROR = 3
} patrol_log_level;

/* What the host offers a running plugin. `host` is passed back on every call. */
typedef struct patrol_host_api {
    uint32_t struct_size;
    uint16_t abi_major;
    uint16_t abi_minor;
    void* host;
    int32_t as_of;              /* "today" for every date rule, days since 1970-01-01 */
    /* The table of that name, or NULL when its file is missing (skip the rules needing it).
     * For a name the metadata does not declare: a table with no columns and no rows
     * (column_count 0; a declared table has at least one column), and the run fails. */
    const patrol_table* (*table)(void* host, const char* name);
    /* 1 when the day is a working day on the run's calendar, else 0. */
    int (*is_working_day)(void* host, int32_t day);
    /* Emit one finding; the host copies everything. Returns 0, or non-zero to ask the
     * plugin to stop: the run was cancelled, or the finding was refused (its texts and refs
     * add up to more than 4 GB; none of them is read) and the run fails with that reason. */
    int (*emit)(void* host, const patrol_finding* finding);
    void (*log)(void* host, int32_t level, patrol_text message);
    /* The validated value of a declared setting as text; 0 when found, non-zero if unknown. */
    int (*setting)(void* host, const char* key, patrol_text* value);
    /* Fraction done in [0, 1], for long runs. */
    void (*progress)(void* host, double fraction);
    /* Since ABI 1.1 (present when abi_minor >= 1): on the run's calendar, the number of
     * working days d with from < d <= to (negative when to < from: minus the count with
     * to < d <= from). */
    int64_t (*working_days_between)(void* host, int32_t from, int32_t to);
    /* Since ABI 1.1: the n-th working day after `day` (n > 0), the |n|-th before it (n < 0),
     * `day` itself (n == 0); PATROL_ABSENT_I32 when the calendar has no such day. */
    int32_t (*add_working_days)(void* host, int32_t day, int32_t n);
} patrol_host_api;

/* Status codes a plugin returns. */
#define PATROL_OK 0
#define PATROL_ERROR 1
#define PATROL_CANCELLED 2

/* What the plugin offers the host. The host checks struct_size and the ABI version first. */
typedef struct patrol_plugin {
    uint32_t struct_size;
    uint16_t abi_major;         /* the ABI the plugin was built against */
    uint16_t abi_minor;
    const char* id;             /* NUL-terminated, equals the metadata's id */
    int (*run)(const patrol_host_api* host);
    /* Text of the last error (UTF-8, NUL-terminated), valid until the next call. */
    const char* (*last_error)(void);
} patrol_plugin;

typedef const patrol_plugin* (*patrol_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* PATROL_PLUGIN_ABI_H */
