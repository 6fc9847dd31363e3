-- wrk script: GET /api/v1/incidents for one country and one year drawn at random per request (ten of the
-- generator's conflict countries, 2010-2024), so that no database answers from a cache of the same query's result
-- (H2 does, for an identical query on unchanged tables). Fixed seed per thread.
local countries = { "IRQ", "SYR", "AFG", "YEM", "UKR", "NGA", "SOM", "PAK", "IND", "COL" }
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_no", threads)
end

function init(args)
    math.randomseed(4343 + 97 * (thread_no or 0))
end

function request()
    local year = math.random(2010, 2024)
    return wrk.format("GET", "/api/v1/incidents?country=" .. countries[math.random(#countries)] .. "&from=" .. year
        .. "-01-01&to=" .. year .. "-12-31&size=50&page=1&sort=-startDate")
end
