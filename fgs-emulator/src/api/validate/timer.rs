//! TIMER trigger `event_data`: name, `Rate` or `Cron` schedules.

use super::names::is_timer_name;
use super::{Object, opt_str};
use crate::api::api_error::{ApiError, code};

/// Validates a TIMER trigger's `event_data`; every problem is 400 `FSS.1109`.
pub(crate) fn check_timer(event: &Object) -> Result<(), ApiError> {
    let text = |key: &str| {
        opt_str(event, key)
            .map_err(|_| invalid(format!("event_data.{key} must be a string")))?
            .ok_or_else(|| invalid(format!("event_data.{key} is required")))
    };
    let name = text("name")?;
    if !is_timer_name(name) {
        return Err(invalid(
            "name must be 1-64 letters, digits, `_` or `-`, starting with a letter".into(),
        ));
    }
    let schedule = text("schedule")?;
    match text("schedule_type")? {
        "Rate" => check_rate(schedule)?,
        "Cron" => check_cron(schedule)?,
        other => {
            return Err(invalid(format!(
                "schedule_type `{other}` is not `Rate` or `Cron`"
            )));
        }
    }
    opt_str(event, "user_event").map_err(|_| invalid("user_event must be a string".into()))?;
    Ok(())
}

fn invalid(why: String) -> ApiError {
    ApiError::bad_request(code::TIMER_TRIGGER, format!("invalid timer trigger: {why}"))
}

/// `<n>m` (1–60), `<n>h` (1–24) or `<n>d` (1–30).
fn check_rate(schedule: &str) -> Result<(), ApiError> {
    let bad = || {
        invalid(format!(
            "rate `{schedule}` must be <n>m (1-60), <n>h (1-24) or <n>d (1-30)"
        ))
    };
    let split = schedule.len().checked_sub(1).ok_or_else(bad)?;
    let (number, unit) = schedule.split_at_checked(split).ok_or_else(bad)?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: u32 = number.parse().map_err(|_| bad())?;
    let max = match unit {
        "m" => 60,
        "h" => 24,
        "d" => 30,
        _ => return Err(bad()),
    };
    if (1..=max).contains(&n) {
        Ok(())
    } else {
        Err(bad())
    }
}

/// `sec min hour day-of-month month [day-of-week]`, optionally after `CRON_TZ=zone `, or
/// `@every <duration>` and the usual `@daily`-style descriptors.
fn check_cron(schedule: &str) -> Result<(), ApiError> {
    let mut expr = schedule.trim();
    for prefix in ["CRON_TZ=", "TZ="] {
        if let Some(rest) = expr.strip_prefix(prefix) {
            let (zone, rest) = rest.split_once(' ').ok_or_else(|| {
                invalid("a time zone prefix must be followed by a schedule".into())
            })?;
            if zone.is_empty() {
                return Err(invalid("empty time zone".into()));
            }
            expr = rest.trim_start();
        }
    }
    if let Some(every) = expr.strip_prefix("@every ") {
        return if go_duration_is_positive(every.trim()) {
            Ok(())
        } else {
            Err(invalid(format!(
                "`{every}` is not a duration like 30m, 1.5h or 2h30m"
            )))
        };
    }
    if expr.starts_with('@') {
        return match expr {
            "@yearly" | "@annually" | "@monthly" | "@weekly" | "@daily" | "@midnight"
            | "@hourly" => Ok(()),
            _ => Err(invalid(format!("unknown cron descriptor `{expr}`"))),
        };
    }
    let fields: Vec<&str> = expr.split_whitespace().collect();
    if !(5..=6).contains(&fields.len()) {
        return Err(invalid(format!(
            "cron `{expr}` must have 5 or 6 fields: sec min hour day-of-month month [day-of-week]"
        )));
    }
    const FIELDS: [CronField; 6] = [
        CronField {
            name: "second",
            min: 0,
            max: 59,
            names: &[],
            question: false,
        },
        CronField {
            name: "minute",
            min: 0,
            max: 59,
            names: &[],
            question: false,
        },
        CronField {
            name: "hour",
            min: 0,
            max: 23,
            names: &[],
            question: false,
        },
        CronField {
            name: "day-of-month",
            min: 1,
            max: 31,
            names: &[],
            question: true,
        },
        CronField {
            name: "month",
            min: 1,
            max: 12,
            names: &MONTHS,
            question: false,
        },
        CronField {
            name: "day-of-week",
            min: 0,
            max: 7,
            names: &DAYS,
            question: true,
        },
    ];
    for (text, field) in fields.iter().zip(FIELDS.iter()) {
        if !field.accepts(text) {
            return Err(invalid(format!(
                "cron {} field `{text}` is not valid ({}-{}, with , - * / ?)",
                field.name, field.min, field.max
            )));
        }
    }
    Ok(())
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// One cron field's range; `names[i]` stands for `min + i`.
struct CronField {
    name: &'static str,
    min: u32,
    max: u32,
    names: &'static [&'static str],
    question: bool,
}

impl CronField {
    fn accepts(&self, text: &str) -> bool {
        text.split(',').all(|item| self.accepts_item(item))
    }

    fn accepts_item(&self, item: &str) -> bool {
        let (range, step) = match item.split_once('/') {
            Some((range, step)) => (range, Some(step)),
            None => (item, None),
        };
        if let Some(step) = step
            && !step.parse::<u32>().is_ok_and(|s| s >= 1)
        {
            return false;
        }
        match range {
            "*" => true,
            "?" => self.question && step.is_none(),
            _ => match range.split_once('-') {
                Some((from, to)) => match (self.value(from), self.value(to)) {
                    (Some(from), Some(to)) => from <= to,
                    _ => false,
                },
                None => self.value(range).is_some(),
            },
        }
    }

    fn value(&self, text: &str) -> Option<u32> {
        if let Some(i) = self.names.iter().position(|n| n.eq_ignore_ascii_case(text)) {
            return u32::try_from(i).ok().map(|i| i + self.min);
        }
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse::<u32>()
            .ok()
            .filter(|v| (self.min..=self.max).contains(v))
    }
}

/// A Go `time.ParseDuration` string with a positive total: `30m`, `1.5h`, `2h30m`.
fn go_duration_is_positive(text: &str) -> bool {
    const UNITS: [&str; 7] = ["ns", "us", "µs", "ms", "s", "m", "h"];
    let mut rest = text;
    let mut positive = false;
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, tail) = rest.split_at(number_len);
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return false;
        }
        // Longest unit first, so `ms` is not read as `m` + `s...`.
        let Some(unit) = UNITS
            .iter()
            .filter(|u| tail.starts_with(**u))
            .max_by_key(|u| u.len())
        else {
            return false;
        };
        positive |= number.bytes().any(|b| (b'1'..=b'9').contains(&b));
        rest = &tail[unit.len()..];
    }
    positive
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(schedule_type: &str, schedule: &str) -> Result<(), ApiError> {
        let event =
            json!({"name": "Timer-1", "schedule_type": schedule_type, "schedule": schedule});
        check_timer(event.as_object().unwrap())
    }

    #[test]
    fn rates() {
        for ok in ["1m", "3m", "60m", "24h", "1d", "30d"] {
            assert!(check("Rate", ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "m", "0m", "61m", "25h", "31d", "3s", "3", "-1m", "1.5h", "3 m", "é",
        ] {
            assert_eq!(
                check("Rate", bad).unwrap_err().code,
                code::TIMER_TRIGGER,
                "{bad}"
            );
        }
    }

    #[test]
    fn crons() {
        for ok in [
            "0 */5 * * *",
            "0 0 12 * * ?",
            "0 15 10 ? * MON-FRI",
            "0 0 0 1 JAN,JUL *",
            "CRON_TZ=Asia/Shanghai 0 0 8 * * *",
            "@every 30m",
            "@every 1.5h",
            "@every 2h30m",
            "@daily",
        ] {
            assert!(check("Cron", ok).is_ok(), "{ok}");
        }
        for bad in [
            "* * * *",
            "* * * * * * *",
            "60 * * * *",
            "0 0 24 * *",
            "0 0 0 0 *",
            "0 0 0 * 13",
            "0 0 0 * * 8",
            "0 */0 * * *",
            "? * * * *",
            "0 5-1 * * *",
            "@every",
            "@every 0s",
            "@every 5x",
            "@sometimes",
            "CRON_TZ= 0 * * * *",
        ] {
            assert_eq!(
                check("Cron", bad).unwrap_err().code,
                code::TIMER_TRIGGER,
                "{bad}"
            );
        }
    }

    #[test]
    fn required_fields() {
        for event in [
            json!({"schedule_type": "Rate", "schedule": "3m"}),
            json!({"name": "1bad", "schedule_type": "Rate", "schedule": "3m"}),
            json!({"name": "t", "schedule_type": "Every", "schedule": "3m"}),
            json!({"name": "t", "schedule_type": "Rate"}),
            json!({"name": "t", "schedule_type": "Rate", "schedule": 3}),
            json!({"name": "t", "schedule_type": "Rate", "schedule": "3m", "user_event": 1}),
        ] {
            assert_eq!(
                check_timer(event.as_object().unwrap()).unwrap_err().code,
                code::TIMER_TRIGGER,
                "{event}"
            );
        }
    }
}
