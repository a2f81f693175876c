-- wrk script: POST /api/v1/tasks/{id}/progress, cycling through the (token, task) pairs of
-- BENCH_JOBS (one "token<TAB>task id" a line): every unit contact reports on its own unit's tasks.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local jobs = {}
for line in io.lines(os.getenv("BENCH_JOBS")) do
  local token, task = line:match("^(%S+)\t(%d+)$")
  if token then jobs[#jobs + 1] = { token = token, task = task } end
end

-- Each wrk thread starts at a different place in the list, so threads do not report in step.
local started = 0
function setup(thread)
  thread:set("offset", started * 7919)
  started = started + 1
end

local sent = 0
function request()
  sent = sent + 1
  local job = jobs[((offset or 0) + sent) % #jobs + 1]
  local body = string.format('{"percent": %d, "note": "第 %d 次报告：已退还礼品，正在修订礼品管理制度"}', sent % 101, sent)
  return wrk.format("POST", "/api/v1/tasks/" .. job.task .. "/progress",
    { ["Authorization"] = "Bearer " .. job.token, ["Content-Type"] = "application/json" }, body)
end
