//! ISO 3166-1 alpha-2 country codes, validated on construction. The aliases vendors use
//! (UK for GB, EL for GR) are accepted and stored under their ISO code.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[ts(export)]
#[serde(transparent)]
pub struct CountryCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an ISO 3166-1 alpha-2 country code (e.g. PL, DE, US)")]
pub struct UnknownCountry(pub String);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CountryCode {
    type Err = UnknownCountry;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        let iso = match upper.as_str() {
            "UK" => "GB",
            "EL" => "GR",
            other => other,
        };
        if iso.len() == 2 && rust_iso3166::from_alpha2(iso).is_some() {
            Ok(Self(iso.to_string()))
        } else {
            Err(UnknownCountry(s.trim().to_string()))
        }
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iso_codes_and_vendor_aliases() {
        assert_eq!("pl".parse::<CountryCode>().unwrap().as_str(), "PL");
        assert_eq!("UK".parse::<CountryCode>().unwrap().as_str(), "GB");
        assert_eq!("EL".parse::<CountryCode>().unwrap().as_str(), "GR");
    }

    #[test]
    fn refuses_unknown_codes() {
        assert!("XX".parse::<CountryCode>().is_err());
        assert!("POL".parse::<CountryCode>().is_err());
        assert!("".parse::<CountryCode>().is_err());
        assert!(serde_json::from_str::<CountryCode>("\"ZZ\"").is_err());
    }
}
