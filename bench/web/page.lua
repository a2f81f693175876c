-- wrk script: GET one page as one signed-in user (BENCH_COOKIE), one request at a time.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = "patrol_session=" .. os.getenv("BENCH_COOKIE")
wrk.headers["Accept"] = "text/html"
