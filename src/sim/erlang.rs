//! Erlang C: how many agents a queue of contacts needs to meet a service level, and how it is
//! served by the agents there are.
//!
//! Contacts arrive at random (Poisson) and wait in one queue until one of `n` agents is free;
//! handle times are exponential; nobody hangs up. With traffic `a = contacts an hour × handle
//! time in hours` (in Erlangs), the chance a contact waits is Erlang C:
//!
//! `C(n, a) = n·B / (n − a·(1 − B))`, with Erlang B from `B(0) = 1`,
//! `B(k) = a·B(k−1) / (k + a·B(k−1))` (the recursion keeps it stable for any `n`, where the
//! textbook form with `a^n / n!` overflows);
//!
//! service level (share answered within `t` seconds) `= 1 − C·e^(−(n − a)·t / aht)`, average
//! speed of answer `= C·aht / (n − a)`, occupancy `= a / n`. With `n ≤ a` the queue grows
//! without end: no contact is answered in time and the speed of answer has no bound
//! ([`ASA_MAX_SECONDS`] stands for it).
//!
//! Staff on the line can be a fraction of an agent (paid FTE turned into agents on the line):
//! the figures are then interpolated between the whole numbers below and above.
//!
//! In `f64`: these are probabilities, not money; the agent count they decide is a whole number,
//! and the money is worked out from it in the engine's own number type.

/// The average speed of answer given when the agents cannot keep up with the traffic: an
/// hour, far beyond any service level anyone plans for.
pub const ASA_MAX_SECONDS: f64 = 3600.0;

/// The most agents a search looks at: beyond any contact centre (the largest baseline,
/// 10 million contacts a month over the fewest opening hours at the longest handle time, is
/// far below).
const AGENTS_MAX: u32 = 1_000_000;

/// The chance that a contact waits, with `n` agents and `a` Erlangs of traffic; 1 when the
/// agents cannot keep up (`n ≤ a`).
pub fn wait_probability(n: u32, a: f64) -> f64 {
    if a <= 0.0 {
        return 0.0;
    }
    if f64::from(n) <= a {
        return 1.0;
    }
    // Far below the traffic Erlang B is 1 − k/a to many digits, and the recursion forgets
    // where it started (each step shrinks an error by about k/a): large centres start ten
    // standard deviations below the traffic instead of at zero.
    let start = (a - 10.0 * a.sqrt()).floor();
    let (k, b) = if start > 100.0 {
        (start as u32, 1.0 - start / a)
    } else {
        (0, 1.0)
    };
    let b = erlang_b_from(k, b, n, a).1;
    let n = f64::from(n);
    (n * b / (n - a * (1.0 - b))).clamp(0.0, 1.0)
}

/// How a queue is served by a whole number of agents.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Service {
    /// Share of contacts answered within the target time, from 0 to 1.
    pub level: f64,
    /// Average seconds a contact waits before an agent answers.
    pub asa_seconds: f64,
    /// Share of the agents' time on the line spent handling contacts, from 0 to 1.
    pub occupancy: f64,
}

/// How `n` agents serve `a` Erlangs of contacts of `aht_seconds` each, against a target of
/// `target_seconds`.
pub fn service(n: u32, a: f64, aht_seconds: f64, target_seconds: f64) -> Service {
    if a <= 0.0 {
        return Service {
            level: 1.0,
            asa_seconds: 0.0,
            occupancy: 0.0,
        };
    }
    let agents = f64::from(n);
    if agents <= a {
        return Service {
            level: 0.0,
            asa_seconds: ASA_MAX_SECONDS,
            occupancy: 1.0,
        };
    }
    let c = wait_probability(n, a);
    let spare = agents - a;
    Service {
        level: (1.0 - c * (-spare * target_seconds / aht_seconds).exp()).clamp(0.0, 1.0),
        asa_seconds: (c * aht_seconds / spare).min(ASA_MAX_SECONDS),
        occupancy: a / agents,
    }
}

/// How `agents` (a fraction allowed) serve the traffic: interpolated between the whole numbers
/// of agents below and above.
pub fn service_at(agents: f64, a: f64, aht_seconds: f64, target_seconds: f64) -> Service {
    let agents = agents.max(0.0);
    let below = agents.floor();
    let share = agents - below;
    let whole = |n: f64| {
        service(
            n.min(f64::from(AGENTS_MAX)) as u32,
            a,
            aht_seconds,
            target_seconds,
        )
    };
    let low = whole(below);
    if share == 0.0 {
        return low;
    }
    let high = whole(below + 1.0);
    let mix = |l: f64, h: f64| l + (h - l) * share;
    Service {
        level: mix(low.level, high.level),
        asa_seconds: mix(low.asa_seconds, high.asa_seconds),
        occupancy: if agents > 0.0 {
            (a / agents).min(1.0)
        } else {
            1.0
        },
    }
}

/// Erlang B for `n − 1` and `n` agents, from its value `b` at `k` agents, by the recursion on
/// its inverse, `1/B(j) = 1 + (j/a)·(1/B(j − 1))`, one multiply-add a step (B itself needs a
/// division a step). An inverse that overflows far above the traffic gives B = 0.
fn erlang_b_from(k: u32, b: f64, n: u32, a: f64) -> (f64, f64) {
    let step = 1.0 / a;
    let mut inverse = 1.0 / b;
    let mut before = inverse;
    for j in k + 1..=n {
        before = inverse;
        inverse = 1.0 + f64::from(j) * step * inverse;
    }
    (1.0 / before, 1.0 / inverse)
}

/// The service levels of `n − 1` and of `n` agents (`n − 1` above the traffic), from one pass
/// of the Erlang B recursion.
fn levels_below_and_at(n: u32, a: f64, aht_seconds: f64, target_seconds: f64) -> (f64, f64) {
    let start = (a - 10.0 * a.sqrt()).floor();
    let (k, b) = if start > 100.0 {
        (start as u32, 1.0 - start / a)
    } else {
        (0, 1.0)
    };
    let (before, b) = erlang_b_from(k, b, n, a);
    let level = |n: u32, b: f64| {
        let agents = f64::from(n);
        let c = (agents * b / (agents - a * (1.0 - b))).clamp(0.0, 1.0);
        (1.0 - c * (-(agents - a) * target_seconds / aht_seconds).exp()).clamp(0.0, 1.0)
    };
    (level(n - 1, before), level(n, b))
}

/// The fewest agents that answer `target_level` (a share) of `a` Erlangs of contacts within
/// `target_seconds`; 0 when there is no traffic. `from` is where the search starts (the answer
/// of the month before, say): it walks down while fewer still meet the target, then up until
/// the target is met, so a slowly moving traffic needs few steps.
pub fn agents_needed(
    a: f64,
    aht_seconds: f64,
    target_seconds: f64,
    target_level: f64,
    from: u32,
) -> u32 {
    if a <= 0.0 || !a.is_finite() {
        return 0;
    }
    let meets = |n: u32| service(n, a, aht_seconds, target_seconds).level >= target_level;
    // More agents than the traffic, always: with fewer the queue never empties.
    let floor = (a.floor() as u32).saturating_add(1).min(AGENTS_MAX);
    // Without a month before, start at the square-root staffing rule (traffic + √traffic),
    // within a few steps of the answer for common targets.
    let from = if from == 0 {
        (a + a.sqrt()).ceil().min(f64::from(AGENTS_MAX)) as u32
    } else {
        from
    };
    let n = from.clamp(floor, AGENTS_MAX);
    // Most months the answer is last month's: both checks from one pass of the recursion.
    if n > floor {
        let (below, at) = levels_below_and_at(n, a, aht_seconds, target_seconds);
        if at >= target_level && below < target_level {
            return n;
        }
    }
    // From the start, steps that double until they pass the answer, then halving: a few
    // probes when last month's answer is near, a few dozen for a first guess far off.
    let (mut low, mut high) = if meets(n) {
        // The answer is at or below n: find a count that falls short.
        let mut step = 1;
        let mut high = n;
        loop {
            let probe = high.saturating_sub(step).max(floor);
            if probe == high || !meets(probe) {
                break (probe, high);
            }
            high = probe;
            step *= 2;
        }
    } else {
        let mut step = 1;
        let mut low = n;
        loop {
            let probe = low.saturating_add(step).min(AGENTS_MAX);
            if meets(probe) || probe == AGENTS_MAX {
                break (low, probe);
            }
            low = probe;
            step *= 2;
        }
    };
    // `low` falls short (or is the floor and meets), `high` meets (or is the most there are).
    if low == high || meets(low) {
        return low;
    }
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if meets(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    high
}

#[cfg(test)]
mod tests {
    use super::*;

    // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100
    // calls in 30 minutes at 180 s each is 10 Erlangs; with 11 agents a call waits with a
    // chance of 68.21%; 80% in 20 s takes 14 agents, 20 with 30% shrinkage.
    #[test]
    fn the_worked_example_of_call_centre_helper() {
        let a = 200.0 * 180.0 / 3600.0;
        assert!((wait_probability(11, a) - 0.6821).abs() < 0.00005);
        assert_eq!(agents_needed(a, 180.0, 20.0, 0.8, 1), 14);
        assert_eq!(agents_needed(a, 180.0, 20.0, 0.8, 40), 14);
        assert!((14.0_f64 / 0.7).round() == 20.0);
        // 13 agents fall just short: 79.6% in 20 s.
        let s13 = service(13, a, 180.0, 20.0);
        assert!(s13.level < 0.8 && s13.level > 0.79, "{s13:?}");
    }

    // A textbook M/M/c example (120 customers an hour, 3 minutes each, 10 servers: 6 Erlangs):
    // "from the Erlang C curve, the probability of waiting is about 0.10".
    #[test]
    fn the_textbook_chance_of_waiting() {
        assert!((wait_probability(10, 6.0) - 0.1013).abs() < 0.0001);
    }

    #[test]
    fn too_few_agents_answer_nobody_in_time() {
        let s = service(10, 10.0, 180.0, 20.0);
        assert_eq!(s.level, 0.0);
        assert_eq!(s.asa_seconds, ASA_MAX_SECONDS);
        assert_eq!(service(5, 0.0, 180.0, 20.0).level, 1.0);
    }

    #[test]
    fn a_fraction_of_an_agent_lies_between_the_whole_numbers() {
        let a = 10.0;
        let (low, high) = (service(13, a, 180.0, 20.0), service(14, a, 180.0, 20.0));
        let mid = service_at(13.5, a, 180.0, 20.0);
        assert!(mid.level > low.level && mid.level < high.level);
        assert!(mid.asa_seconds < low.asa_seconds && mid.asa_seconds > high.asa_seconds);
        assert_eq!(service_at(13.0, a, 180.0, 20.0), low);
    }

    #[test]
    fn the_search_finds_the_fewest_agents_from_any_start() {
        for a in [0.3, 2.0, 13.6, 57.5, 400.0, 3000.0] {
            let meets = |n: u32| service(n, a, 300.0, 20.0).level >= 0.8;
            let fewest = (1..).find(|&n| meets(n)).unwrap_or(0);
            for from in [
                0,
                1,
                fewest.saturating_sub(3),
                fewest,
                fewest + 1,
                fewest * 3,
            ] {
                assert_eq!(
                    agents_needed(a, 300.0, 20.0, 0.8, from),
                    fewest,
                    "a {a} from {from}"
                );
            }
        }
    }

    #[test]
    fn starting_below_the_traffic_gives_the_full_recursion() {
        // Erlang B from zero against the shortcut for a large centre.
        let (n, a) = (3100, 3000.0);
        let mut b = 1.0;
        for k in 1..=n {
            b = a * b / (f64::from(k) + a * b);
        }
        let full = f64::from(n) * b / (f64::from(n) - a * (1.0 - b));
        assert!((wait_probability(n, a) - full).abs() < 1e-12);
    }

    #[test]
    fn large_centres_are_searched_without_overflow() {
        // 2,000 Erlangs: the recursion stays finite, and the answer is a little above.
        let n = agents_needed(2000.0, 300.0, 20.0, 0.8, 0);
        assert!(n > 2000 && n < 2100, "{n}");
        assert!(service(n, 2000.0, 300.0, 20.0).level >= 0.8);
        assert!(service(n - 1, 2000.0, 300.0, 20.0).level < 0.8);
    }
}
