//! Decimal text to `f64`, correctly rounded (to nearest, ties to even) exactly as
//! `str::parse::<f64>` rounds, in far less WebAssembly.
//!
//! Why not `str::parse`: its Eisel–Lemire tables (10 KB of powers of five, which compression
//! cannot shrink) were the largest single item left in the widget's first download
//! (docs/benchmarks.md, "Bundle size"). Feed numbers are short (costs, hours, credits), so
//! nearly all take Clinger's fast path: an integer below 2^53 multiplied or divided by an exact
//! power of ten, one correctly rounded operation. The rest, long or extreme numbers, go through
//! exact big-integer division: slow, but small and rare. A property test compares every result
//! bit for bit with `str::parse`.

use std::cmp::Ordering;

/// Significant digits kept exactly; beyond them only whether any is non-zero counts. A decimal
/// halfway between two doubles has at most 767 significant digits, so 800 decide every rounding.
const MAX_DIGITS: usize = 800;

/// The value of `text`: an optional sign, digits with at most one decimal point (at least one
/// digit in all), and an optional exponent (`e` or `E`, optional sign, digits). JSON numbers are
/// a subset; `.5` and `5.` are accepted too. `None` for anything else, including `inf` and
/// `NaN`, which `str::parse` accepts. Numbers too large for an `f64` are infinite, as with
/// `str::parse`.
pub fn parse(text: &str) -> Option<f64> {
    let decimal = Decimal::read(text)?;
    let magnitude = decimal.magnitude();
    Some(if decimal.negative {
        -magnitude
    } else {
        magnitude
    })
}

/// `value` as a message shows it: whole numbers in full (`1000000000`), others rounded to six
/// decimals with trailing zeros dropped (`0.1 + 0.2` shows as `0.3`); `inf`, `-inf`, `NaN` as
/// `f64`'s `Display` writes them. Without that `Display`, whose shortest-digits algorithms and
/// tables would otherwise come with the validator into the widget's first download.
pub fn show(value: f64) -> String {
    if !value.is_finite() {
        return String::from(match value {
            v if v.is_nan() => "NaN",
            v if v > 0.0 => "inf",
            _ => "-inf",
        });
    }
    let mut whole = value.abs().trunc();
    // Exact: subtracting the whole part of a double loses nothing.
    let mut millionths = ((value.abs() - whole) * 1e6).round() as u32;
    if millionths == 1_000_000 {
        whole += 1.0;
        millionths = 0;
    }
    let mut out = String::new();
    if value.is_sign_negative() && (whole != 0.0 || millionths != 0) {
        out.push('-');
    }
    if whole < 18_446_744_073_709_551_616.0 {
        out.push_str(&(whole as u64).to_string());
    } else {
        // Every double this large is a whole number: its mantissa times a power of two.
        let bits = whole.to_bits();
        let mut big = Big(vec![0, 0]);
        let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
        big.0[0] = mantissa as u32;
        big.0[1] = (mantissa >> 32) as u32;
        big.shl(((bits >> 52) & 0x7ff) - 1075);
        out.push_str(&big.into_decimal());
    }
    if millionths > 0 {
        let fraction = format!("{:06}", millionths);
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    out
}

/// A number as its significant digits (no leading or trailing zeros) times a power of ten.
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exponent: i64,
    /// Whether non-zero digits were dropped beyond [`MAX_DIGITS`].
    truncated: bool,
}

impl Decimal {
    fn read(text: &str) -> Option<Decimal> {
        let mut bytes = text.as_bytes();
        let negative = bytes.first() == Some(&b'-');
        if let Some((b'-' | b'+', rest)) = bytes.split_first() {
            bytes = rest;
        }
        let mut decimal = Decimal {
            negative,
            digits: Vec::new(),
            exponent: 0,
            truncated: false,
        };
        let mut any_digit = false;
        let mut in_fraction = false;
        let mut rest = bytes;
        while let Some((&byte, tail)) = rest.split_first() {
            match byte {
                b'0'..=b'9' => {
                    any_digit = true;
                    let digit = byte - b'0';
                    if decimal.digits.is_empty() && digit == 0 {
                        // A leading zero: only its place counts.
                        decimal.exponent -= i64::from(in_fraction);
                    } else if decimal.digits.len() < MAX_DIGITS {
                        decimal.digits.push(digit);
                        decimal.exponent -= i64::from(in_fraction);
                    } else {
                        decimal.truncated |= digit != 0;
                        decimal.exponent += i64::from(!in_fraction);
                    }
                }
                b'.' if !in_fraction => in_fraction = true,
                b'e' | b'E' => {
                    decimal.exponent = decimal.exponent.saturating_add(exponent(tail)?);
                    rest = &[];
                    break;
                }
                _ => return None,
            }
            rest = tail;
        }
        if !any_digit || !rest.is_empty() {
            return None;
        }
        while decimal.digits.last() == Some(&0) {
            decimal.digits.pop();
            decimal.exponent += 1;
        }
        Some(decimal)
    }

    /// The absolute value, correctly rounded.
    fn magnitude(&self) -> f64 {
        let count = self.digits.len() as i64;
        if count == 0 {
            return 0.0;
        }
        // The value lies in [10^(count + exponent - 1), 10^(count + exponent)).
        let scale = count.saturating_add(self.exponent);
        if scale > 310 {
            return f64::INFINITY;
        }
        if scale < -324 {
            // Below 1e-325, under half the smallest subnormal (4.9e-324).
            return 0.0;
        }
        if !self.truncated && count <= 15 && self.exponent.abs() <= 22 {
            // Clinger's fast path: both operands are exact, so the one rounding is the only one.
            let mantissa = self.digits.iter().fold(0u64, |n, d| n * 10 + u64::from(*d));
            let mut power = 1.0;
            for _ in 0..self.exponent.abs() {
                power *= 10.0;
            }
            return if self.exponent < 0 {
                mantissa as f64 / power
            } else {
                mantissa as f64 * power
            };
        }
        self.slow_magnitude()
    }

    /// The value as the exact fraction `numerator / denominator`, divided to 54 or 55
    /// significant bits and rounded with the remainder as the sticky bit.
    fn slow_magnitude(&self) -> f64 {
        let mut numerator = Big::from_digits(&self.digits);
        let mut denominator = Big::one();
        if self.exponent >= 0 {
            numerator.mul_pow10(self.exponent as u64);
        } else {
            denominator.mul_pow10(self.exponent.unsigned_abs());
        }
        // value = q × 2^k with 2^53 ≤ q < 2^55 (bit lengths bound the quotient's within one).
        let mut k = numerator.bits() as i64 - denominator.bits() as i64 - 54;
        if k < 0 {
            numerator.shl(k.unsigned_abs());
        } else {
            denominator.shl(k as u64);
        }
        denominator.shl(54);
        let mut q: u64 = 0;
        for bit in (0..=54).rev() {
            if numerator.cmp(&denominator) != Ordering::Less {
                numerator.sub(&denominator);
                q |= 1 << bit;
            }
            denominator.shr1();
        }
        let mut sticky = self.truncated || !numerator.is_zero();
        if q >= 1 << 54 {
            sticky |= q & 1 == 1;
            q >>= 1;
            k += 1;
        }
        // Now 2^53 ≤ q < 2^54: the value's binary exponent is k + 53. One bit beyond the 53 of
        // the mantissa is dropped, more below the normal range (subnormals).
        let binary_exponent = k + 53;
        let shift = 1 + (-1022 - binary_exponent).max(0);
        if shift >= 64 {
            return 0.0;
        }
        let dropped = q & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        let mut mantissa = q >> shift;
        if dropped > half || (dropped == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1;
        }
        let mut exponent = k + shift; // value ≈ mantissa × 2^exponent
        if mantissa == 1 << 53 {
            mantissa >>= 1;
            exponent += 1;
        }
        if mantissa < 1 << 52 {
            // Subnormal: the exponent is the smallest, and the encoding is the mantissa itself.
            return f64::from_bits(mantissa);
        }
        let biased = exponent + 52 + 1023;
        if biased >= 2047 {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (mantissa - (1 << 52)))
    }
}

/// An exponent's value (`+12`, `-3`, `7`), saturated far beyond any finite double's.
fn exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: i64 = 0;
    for &byte in digits {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = (value * 10 + i64::from(byte - b'0')).min(1 << 40);
    }
    Some(if negative { -value } else { value })
}

/// An unsigned big integer, 32-bit limbs, least significant first, no high zero limbs.
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |n, d| n * 10 + u32::from(*d));
            big.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        big
    }

    /// `self = self × factor + addend`.
    fn mul_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut exponent: u64) {
        while exponent >= 9 {
            self.mul_add(1_000_000_000, 0);
            exponent -= 9;
        }
        self.mul_add(10u32.pow(exponent as u32), 0);
    }

    fn bits(&self) -> u64 {
        self.0.last().map_or(0, |top| {
            32 * self.0.len() as u64 - u64::from(top.leading_zeros())
        })
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn shl(&mut self, bits: u64) {
        let limbs = (bits / 32) as usize;
        let bits = (bits % 32) as u32;
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let next = *limb & 1;
            *limb = (*limb >> 1) | (carry << 31);
            carry = next;
        }
        self.trim();
    }

    /// The decimal digits.
    fn into_decimal(mut self) -> String {
        let mut groups = Vec::new();
        while !self.is_zero() {
            let mut remainder = 0u64;
            for limb in self.0.iter_mut().rev() {
                let value = (remainder << 32) | u64::from(*limb);
                *limb = (value / 1_000_000_000) as u32;
                remainder = value % 1_000_000_000;
            }
            self.trim();
            groups.push(remainder as u32);
        }
        let mut out = groups
            .last()
            .map_or_else(|| String::from("0"), u32::to_string);
        for group in groups.iter().rev().skip(1) {
            out.push_str(&format!("{group:09}"));
        }
        out
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self -= other`, for `other ≤ self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let (value, b1) = limb.overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (value, b2) = value.overflowing_sub(u32::from(borrow));
            *limb = value;
            borrow = b1 || b2;
        }
        self.trim();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_std(text: &str) {
        let expected: f64 = text.parse().unwrap();
        let found = parse(text).unwrap_or_else(|| panic!("{text} not read"));
        assert_eq!(
            found.to_bits(),
            expected.to_bits(),
            "{text}: {found:e} ≠ {expected:e}"
        );
    }

    #[test]
    fn hard_cases_round_as_the_standard_parser_does() {
        for text in [
            "0",
            "-0",
            "0.0e5",
            "1",
            "-25",
            "12.5",
            "0.1",
            "0.3",
            "1299.99",
            ".5",
            "5.",
            "+7",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000000000001",
            "123456789012345678901234567890",
            "1e22",
            "1e23",
            "8.98846567431158e307",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "1e400",
            "-1e400",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-324",
            "1e-400",
            "0.1000000000000000055511151231257827021181583404541015625",
            "0.10000000000000000555111512312578270211815834045410156250000000001",
            "0.1000000000000000055511151231257827021181583404541015624999999999",
            "7.4109846876186982e-323",
            "1e99999999999999999999",
            "1e-99999999999999999999",
        ] {
            same_as_std(text);
        }
        let long_halfway = format!("9007199254740993{}", "0".repeat(900));
        same_as_std(&long_halfway);
        let long_above = format!("9007199254740993{}1", "0".repeat(900));
        same_as_std(&long_above);
        let long_fraction = format!("0.{}1e10", "0".repeat(1000));
        same_as_std(&long_fraction);
    }

    #[test]
    fn only_decimal_numbers_are_read() {
        for text in [
            "", "-", "+", ".", "e5", "1e", "1e+", "1..2", "1.2.3", "1x", "inf", "NaN", "--1", "1 ",
            " 1", "0x10", "1e5.5",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn numbers_show_in_full_or_to_six_decimals() {
        let shown = [
            0.0,
            -0.0,
            7.0,
            -25.0,
            12.5,
            0.1 + 0.2,
            1.0 / 3.0,
            -0.0000001,
            0.9999999,
            1e9,
            4294967295.0,
            1e20,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ]
        .map(show);
        assert_eq!(
            shown,
            [
                "0",
                "0",
                "7",
                "-25",
                "12.5",
                "0.3",
                "0.333333",
                "0",
                "1",
                "1000000000",
                "4294967295",
                "100000000000000000000",
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                "inf",
                "-inf",
                "NaN",
            ]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn every_decimal_rounds_as_the_standard_parser_does(
            text in "-?[0-9]{1,25}(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?"
        ) {
            same_as_std(&text);
        }

        #[test]
        fn whole_numbers_show_exactly(bits in any::<u64>()) {
            let value = f64::from_bits(bits).trunc();
            prop_assume!(value.is_finite());
            let shown = show(value);
            prop_assert_eq!(shown.parse::<f64>().unwrap(), value);
            prop_assert!(!shown.contains('.'));
            if value.abs() < 9_007_199_254_740_992.0 {
                prop_assert_eq!(shown, format!("{}", value + 0.0));
            }
        }

        #[test]
        fn doubles_written_out_read_back_exactly(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assume!(value.is_finite());
            for text in [format!("{value:e}"), format!("{value:.20e}"), format!("{value:.17e}")] {
                same_as_std(&text);
            }
        }
    }
}
