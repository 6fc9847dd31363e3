-- wrk script: GET /api/v1/stats/incidents by month for a country and a last year drawn at random per request (ten
-- of the generator's conflict countries; to = the end of a year from 2015 to 2024), so that no database answers
-- from a cache of the same query's result. Fixed seed per thread.
local countries = { "IRQ", "SYR", "AFG", "YEM", "UKR", "NGA", "SOM", "PAK", "IND", "COL" }
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_no", threads)
end

function init(args)
    math.randomseed(4444 + 97 * (thread_no or 0))
end

function request()
    return wrk.format("GET", "/api/v1/stats/incidents?groupBy=month&country=" .. countries[math.random(#countries)]
        .. "&to=" .. math.random(2015, 2024) .. "-12-31")
end
