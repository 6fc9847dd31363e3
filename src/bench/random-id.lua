-- wrk script: GET /api/v1/incidents/{id} with ids drawn uniformly from 1..MAX_ID (fixed seed per thread).
local max_id = tonumber(os.getenv("MAX_ID") or "1000000")
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_no", threads)
end

function init(args)
    math.randomseed(4242 + 97 * (thread_no or 0))
end

function request()
    return wrk.format("GET", "/api/v1/incidents/" .. math.random(1, max_id))
end
