-- claimedBy= lists the incidents an actor claimed (a claim with stance CLAIMED). With a type or a date range it was a
-- semi-join of the actor's claims and the incidents of the type, both read whole for each page and again for its
-- total (at a million incidents, Islamic State's 9,592 claims against 10,081 suicide bombings: about 9 ms each, to
-- keep 108). incident_by_actor now holds one row per claimant and incident too, under the role CLAIMED (no role of an
-- actor is called so), so such a list reads one index range as the lists by perpetrator do (docs/adr/0018).
insert into incident_by_actor (actor_id, role, id, start_date, end_date, country_code, category_code, type_code,
                               claim_status, killed_best, injured_best)
select distinct c.actor_id, 'CLAIMED', i.id, i.start_date, i.end_date, i.country_code, i.category_code, i.type_code,
       i.claim_status, i.killed_best, i.injured_best
  from claim c join incident i on i.id = c.incident_id
 where c.stance = 'CLAIMED' and c.actor_id is not null;
