//! The default scenario's faction colours stay apart from each other and from the
//! basemap, in normal vision and under simulated colour-vision deficiency.
//!
//! Simulation: Machado, Oliveira and Fernandes (2009), severity 1.0 matrices for
//! protanopia, deuteranopia and tritanopia, applied to linear sRGB. Difference: CIEDE2000
//! in CIELAB (D65). Checked for the factions that hold ground (government, rebels, SDF,
//! SNA, Israel): every pair, each against sea, lakes, other land and Syria in the window's
//! and the print map's palettes, and each territory tint against the water colours.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use frontline::ui::theme;

/// The factions that hold ground in the default scenario.
const HOLDERS: [&str; 5] = ["government", "rebels", "sdf", "sna", "israel"];

/// Smallest CIEDE2000 between two solid colours (markers, legend swatches).
const MIN_SOLID: f64 = 10.0;

/// Smallest CIEDE2000 between a territory tint and water. Tints are pale by design, so
/// less is asked of them; the old sky blue SNA tint came to 0.9 against the lakes.
const MIN_TINT_VS_WATER: f64 = 5.0;

/// Machado et al. (2009) simulation matrices, severity 1.0, on linear RGB.
const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

/// The print map's basemap colours (`src/export/print/map.rs`): sea, other land, Syria,
/// lakes; and its territory opacity.
const PRINT: [(&str, [u8; 3]); 4] = [
    ("print sea", [0xd6, 0xe4, 0xec]),
    ("print land", [0xeb, 0xe8, 0xe1]),
    ("print Syria", [0xfa, 0xf8, 0xf2]),
    ("print lake", [0xc4, 0xd9, 0xe6]),
];
const PRINT_TERRITORY_OPACITY: f64 = 0.35;

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIELAB (D65) of an sRGB colour as seen under `matrix` (none: normal vision).
fn lab(rgb: [f64; 3], matrix: Option<&[[f64; 3]; 3]>) -> [f64; 3] {
    let l = rgb;
    let l = match matrix {
        Some(m) => {
            [0, 1, 2].map(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0))
        }
        None => l,
    };
    let x = (0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2]) / 0.95047;
    let y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2];
    let z = (0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2]) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).
fn ciede2000(p: [f64; 3], q: [f64; 3]) -> f64 {
    let [l1, a1, b1] = p;
    let [l2, a2, b2] = q;
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
    let (a1, a2) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1, h2) = (hue(b1, a1), hue(b2, a2));
    let dl = l2 - l1;
    let dc = c2 - c1;
    let dh = if c1 * c2 == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 - h1 > 180.0 {
        h2 - h1 - 360.0
    } else {
        h2 - h1 + 360.0
    };
    let d_big_h = 2.0 * (c1 * c2).sqrt() * (dh / 2.0).to_radians().sin();
    let l_bar = (l1 + l2) / 2.0;
    let c_bar = (c1 + c2) / 2.0;
    let h_bar = if c1 * c2 == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt();
    let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_bar;
    let s_h = 1.0 + 0.015 * c_bar * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    ((dl / s_l).powi(2)
        + (dc / s_c).powi(2)
        + (d_big_h / s_h).powi(2)
        + r_t * (dc / s_c) * (d_big_h / s_h))
        .sqrt()
}

#[test]
fn ciede2000_matches_sharma_test_data() {
    // Pairs 1, 7 and 17 of Sharma, Wu and Dalal's table.
    let cases = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
    ];
    for (p, q, want) in cases {
        assert!((ciede2000(p, q) - want).abs() < 1e-4, "{p:?} {q:?}");
    }
}

fn srgb(c: [u8; 3]) -> [f64; 3] {
    c.map(linear)
}

fn color32(c: egui::Color32) -> [u8; 3] {
    [c.r(), c.g(), c.b()]
}

/// `colour` at `opacity` over `base`, blended in sRGB as the renderers do.
fn tint(colour: [u8; 3], base: [u8; 3], opacity: f64) -> [f64; 3] {
    [0, 1, 2].map(|i| {
        let v = f64::from(base[i]) * (1.0 - opacity) + f64::from(colour[i]) * opacity;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "0..=255"
        )]
        linear(v.round() as u8)
    })
}

#[test]
fn faction_colours_stay_apart_from_each_other_and_the_basemap_in_every_vision() {
    let scenario = frontline::io::default_scenario().unwrap();
    let holders: Vec<(&str, [u8; 3])> = HOLDERS
        .iter()
        .map(|id| {
            let faction = scenario.factions.iter().find(|f| f.id == *id).unwrap();
            (*id, faction.rgb().unwrap())
        })
        .collect();
    let mut basemap: Vec<(&str, [u8; 3])> = vec![
        ("window sea", color32(theme::map_sea())),
        ("window land", color32(theme::map_land())),
        ("window Syria", color32(theme::map_syria_land())),
        ("window lake", color32(theme::map_lake())),
    ];
    basemap.extend(PRINT);
    let water = ["window sea", "window lake", "print sea", "print lake"];
    let tints = [
        (
            color32(theme::map_syria_land()),
            f64::from(theme::TERRITORY_ALPHA),
        ),
        (PRINT[2].1, PRINT_TERRITORY_OPACITY),
    ];
    let visions = std::iter::once(("normal", None))
        .chain(SIMULATIONS.iter().map(|(name, m)| (*name, Some(m))));
    let mut failures = Vec::new();
    for (vision, matrix) in visions {
        let de = |p: [f64; 3], q: [f64; 3]| ciede2000(lab(p, matrix), lab(q, matrix));
        for (i, (a, ca)) in holders.iter().enumerate() {
            for (b, cb) in &holders[i + 1..] {
                let d = de(srgb(*ca), srgb(*cb));
                if d < MIN_SOLID {
                    failures.push(format!("{vision}: {a} vs {b}: {d:.1}"));
                }
            }
            for (name, base) in &basemap {
                let d = de(srgb(*ca), srgb(*base));
                if d < MIN_SOLID {
                    failures.push(format!("{vision}: {a} vs {name}: {d:.1}"));
                }
            }
            for (under, opacity) in tints {
                for (name, w) in basemap.iter().filter(|(n, _)| water.contains(n)) {
                    let d = de(tint(*ca, under, opacity), srgb(*w));
                    if d < MIN_TINT_VS_WATER {
                        failures.push(format!("{vision}: {a} territory vs {name}: {d:.1}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
