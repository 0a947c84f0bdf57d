//! Parsing of the export's textual options: extent, picture size and timelapse step.

/// Largest picture side accepted, in pixels.
pub const MAX_SIDE: u32 = 16_384;

/// Parses `W,S,E,N` in degrees (west < east, south < north, on the globe).
pub fn parse_bbox(text: &str) -> Result<[f64; 4], String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let numbers: Vec<f64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let [west, south, east, north] = numbers[..] else {
        return Err(format!(
            "{text:?} is not W,S,E,N: four numbers in degrees, e.g. 35.5,32.3,42.4,37.4"
        ));
    };
    if parts.len() != 4 || numbers.iter().any(|v| !v.is_finite()) {
        return Err(format!("{text:?} is not W,S,E,N: four finite numbers"));
    }
    if !(-180.0..=180.0).contains(&west) || !(-180.0..=180.0).contains(&east) {
        return Err(format!("{text:?}: longitudes must lie in -180..180"));
    }
    if !(-90.0..=90.0).contains(&south) || !(-90.0..=90.0).contains(&north) {
        return Err(format!("{text:?}: latitudes must lie in -90..90"));
    }
    if west >= east || south >= north {
        return Err(format!(
            "{text:?}: west must be less than east and south less than north"
        ));
    }
    Ok([west, south, east, north])
}

/// Parses `WxH` in pixels, each side from 16 to [`MAX_SIDE`].
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let parsed = text
        .split_once(['x', 'X'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)));
    let Some((width, height)) = parsed else {
        return Err(format!("{text:?} is not WxH in pixels, e.g. 1920x1080"));
    };
    let fits = |side: u32| (16..=MAX_SIDE).contains(&side);
    if !fits(width) || !fits(height) {
        return Err(format!(
            "{text:?}: each side must be 16 to {MAX_SIDE} pixels"
        ));
    }
    Ok((width, height))
}

/// Parses a timelapse step such as `1d`, `12h` or `30m` into seconds.
pub fn parse_every(text: &str) -> Result<i64, String> {
    let text = text.trim();
    let unit_at = text.len().saturating_sub(1);
    let (count, unit) = text.split_at(unit_at);
    let seconds = match unit {
        "d" => 86_400,
        "h" => 3_600,
        "m" => 60,
        _ => 0,
    };
    match count.parse::<i64>() {
        Ok(n) if n > 0 && seconds > 0 && n <= 366 * 86_400 / seconds => Ok(n * seconds),
        _ => Err(format!(
            "{text:?} is not a step like 1d, 12h or 30m (a positive whole number of days, \
             hours or minutes, at most a year)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_extents() {
        assert_eq!(
            parse_bbox("35.5, 32.3,42.4,37.4").unwrap(),
            [35.5, 32.3, 42.4, 37.4]
        );
        for bad in [
            "1,2,3",
            "a,b,c,d",
            "40,30,35,35",
            "1,2,3,4,5",
            "0,95,1,96",
            "nan,1,2,3",
        ] {
            assert!(parse_bbox(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_sizes() {
        assert_eq!(parse_size("1920x1080").unwrap(), (1920, 1080));
        for bad in ["1920", "0x10", "axb", "100000x10", "-5x10"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_steps() {
        assert_eq!(parse_every("1d").unwrap(), 86_400);
        assert_eq!(parse_every("12h").unwrap(), 43_200);
        assert_eq!(parse_every("30m").unwrap(), 1_800);
        for bad in ["", "d", "0d", "-1d", "1w", "1000d", "1.5h"] {
            assert!(parse_every(bad).is_err(), "{bad}");
        }
    }
}
