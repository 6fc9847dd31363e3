-- wrk script: requests whose parameters are drawn at random per request (fixed seed per thread), so that the figures
-- measure the engine and not a cache of the same query's result (H2 keeps one for an identical query on unchanged
-- tables). RANDOM_WHAT chooses what:
--   id     GET /api/v1/incidents/{id}, ids uniform in 1..MAX_ID (default)
--   list   GET /api/v1/incidents for one country and one year (2010-2024), the 50 newest
--   stats  GET /api/v1/stats/incidents by month for one country, up to the end of a year (2015-2024)
--   stats_year  the same for one country within one year (from its first day to its last; 2010-2024)
--   text   GET /api/v1/incidents?q=district N (N in 1..40, a phrase of every generated locality) for one country
--   perpetrator  GET /api/v1/incidents?perpetrator=Islamic State&minKilled=N (N in 1..30): the fixed row's query,
--          which H2 otherwise answers from its copy of the last identical query's result
-- Countries: ten of the generator's conflict countries, or RANDOM_COUNTRIES (comma-separated); years: RANDOM_YEARS
-- ("2010-2019") narrows those of list and stats_year. RANDOM_DEDUPE=events asks lists and statistics deduplicated;
-- RANDOM_SORT (e.g. startDate) sorts the text lists otherwise than newest first.
local what = os.getenv("RANDOM_WHAT") or "id"
local max_id = tonumber(os.getenv("MAX_ID") or "1000000")
local countries = { "IRQ", "SYR", "AFG", "YEM", "UKR", "NGA", "SOM", "PAK", "IND", "COL" }
if os.getenv("RANDOM_COUNTRIES") then
    countries = {}
    for code in string.gmatch(os.getenv("RANDOM_COUNTRIES"), "[^,]+") do
        countries[#countries + 1] = code
    end
end
local first_year, last_year = 2010, 2024
if os.getenv("RANDOM_YEARS") then
    first_year, last_year = string.match(os.getenv("RANDOM_YEARS"), "(%d+)-(%d+)")
    first_year, last_year = tonumber(first_year), tonumber(last_year)
end
local dedupe = os.getenv("RANDOM_DEDUPE") and ("&dedupe=" .. os.getenv("RANDOM_DEDUPE")) or ""
local sort = os.getenv("RANDOM_SORT") and ("&sort=" .. os.getenv("RANDOM_SORT")) or ""
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
        local year = math.random(first_year, last_year)
        return wrk.format("GET", "/api/v1/incidents?country=" .. country() .. "&from=" .. year .. "-01-01&to=" .. year
            .. "-12-31&size=50&page=1&sort=-startDate" .. dedupe)
    elseif what == "perpetrator" then
        return wrk.format("GET", "/api/v1/incidents?perpetrator=Islamic%20State&minKilled=" .. math.random(1, 30)
            .. "&size=50")
    elseif what == "stats_year" then
        local year = math.random(first_year, last_year)
        return wrk.format("GET", "/api/v1/stats/incidents?groupBy=month&country=" .. country() .. "&from=" .. year
            .. "-01-01&to=" .. year .. "-12-31" .. dedupe)
    elseif what == "text" then
        return wrk.format("GET", "/api/v1/incidents?q=district%20" .. math.random(1, 40) .. "&country=" .. country()
            .. sort)
    elseif what == "stats" then
        return wrk.format("GET", "/api/v1/stats/incidents?groupBy=month&country=" .. country() .. "&to="
            .. math.random(2015, 2024) .. "-12-31" .. dedupe)
    end
    return wrk.format("GET", "/api/v1/incidents/" .. math.random(1, max_id))
end
