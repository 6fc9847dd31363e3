-- wrk script: requests whose parameters are drawn at random per request (fixed seed per thread), so that the figures
-- measure the engine and not a cache of the same query's result (H2 keeps one for an identical query on unchanged
-- tables). RANDOM_WHAT chooses what:
--   id     GET /api/v1/incidents/{id}, ids uniform in 1..MAX_ID (default)
--   list   GET /api/v1/incidents for one country and one year (2010-2024), the 50 newest
--   stats  GET /api/v1/stats/incidents by month for one country, up to the end of a year (2015-2024)
--   text   GET /api/v1/incidents?q=district N (N in 1..40, a phrase of every generated locality) for one country
-- Countries: ten of the generator's conflict countries.
local what = os.getenv("RANDOM_WHAT") or "id"
local max_id = tonumber(os.getenv("MAX_ID") or "1000000")
local countries = { "IRQ", "SYR", "AFG", "YEM", "UKR", "NGA", "SOM", "PAK", "IND", "COL" }
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_no", threads)
end

function init(args)
    math.randomseed(4242 + 97 * (thread_no or 0))
end

local function country()
    return countries[math.random(#countries)]
end

function request()
    if what == "list" then
        local year = math.random(2010, 2024)
        return wrk.format("GET", "/api/v1/incidents?country=" .. country() .. "&from=" .. year .. "-01-01&to=" .. year
            .. "-12-31&size=50&page=1&sort=-startDate")
    elseif what == "text" then
        return wrk.format("GET", "/api/v1/incidents?q=district%20" .. math.random(1, 40) .. "&country=" .. country())
    elseif what == "stats" then
        return wrk.format("GET", "/api/v1/stats/incidents?groupBy=month&country=" .. country() .. "&to="
            .. math.random(2015, 2024) .. "-12-31")
    end
    return wrk.format("GET", "/api/v1/incidents/" .. math.random(1, max_id))
end
