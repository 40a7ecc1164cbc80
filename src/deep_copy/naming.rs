//! Names of copies: AWX's UI names a copy `<name> @ <h:mm:ss AM|PM>` in the browser's local
//! time; sub-objects copied without a name of their own (approval templates) get
//! `<name> copy`, as AWX's `copy_model_obj` does.

use chrono::{DateTime, Local, TimeZone, Timelike};

/// The time of day on a 12-hour clock, hour unpadded, minutes and seconds zero-padded:
/// `3:07:09 PM`. AWX's UI (`timeOfDay()`) shows noon as `12:… AM` and midnight as `0:… AM`;
/// here noon is `12:… PM` and midnight `12:… AM`, as clocks read.
pub fn time_of_day<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    let (pm, hour12) = t.hour12();
    format!("{hour12}:{:02}:{:02} {}", t.minute(), t.second(), if pm { "PM" } else { "AM" })
}

/// The default name of a copy made at `now` (shown in the local time zone, `TZ` honoured).
pub fn default_name(original: &str, now: &crate::time::Timestamp) -> String {
    format!("{original} @ {}", time_of_day(&now.with_timezone(&Local)))
}

/// Appended to the name of a sub-object copied without a name given (approval templates).
pub const SUB_OBJECT_SUFFIX: &str = " copy";

/// Check a requested name against the original's (AWX's `CopySerializer.validate`).
pub fn validate(new_name: &str, original: &str) -> Result<(), String> {
    if new_name.trim().is_empty() {
        return Err("the name of the copy may not be blank".into());
    }
    if new_name == original {
        return Err(format!("The original object is already named {original}, a copy from it cannot have the same name."));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn at(h: u32, m: u32, s: u32) -> String {
        time_of_day(&Utc.with_ymd_and_hms(2026, 5, 4, h, m, s).unwrap())
    }

    #[test]
    fn twelve_hour_clock_without_awx_noon_bug() {
        assert_eq!(at(15, 7, 9), "3:07:09 PM");
        assert_eq!(at(9, 30, 0), "9:30:00 AM");
        assert_eq!(at(12, 0, 5), "12:00:05 PM");
        assert_eq!(at(0, 1, 2), "12:01:02 AM");
        assert_eq!(at(23, 59, 59), "11:59:59 PM");
    }

    #[test]
    fn names() {
        assert_eq!(format!("Approve{SUB_OBJECT_SUFFIX}"), "Approve copy");
        assert!(validate("web", "web").unwrap_err().contains("already named web"));
        assert!(validate("  ", "web").is_err());
        assert!(validate("web2", "web").is_ok());
    }
}
