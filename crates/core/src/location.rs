//! Where an event happened: a place from the gazetteer, with how precisely
//! it is known and what in the text said so.

use ecow::EcoString;
use serde::{Deserialize, Serialize};

/// How precisely a location is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationPrecision {
    /// A populated place: a city, town or village.
    City,
    /// A first-level region (a province, an oblast, a state).
    Adm1,
    /// A body of water (a sea, a strait, a gulf).
    Water,
    /// A country.
    Country,
}

impl LocationPrecision {
    /// Its serde name (`city`, `adm1`, `water`, `country`).
    pub fn as_str(self) -> &'static str {
        match self {
            LocationPrecision::City => "city",
            LocationPrecision::Adm1 => "adm1",
            LocationPrecision::Water => "water",
            LocationPrecision::Country => "country",
        }
    }

    /// The precision a serde name names.
    pub fn parse(s: &str) -> Option<LocationPrecision> {
        Some(match s {
            "city" => LocationPrecision::City,
            "adm1" => LocationPrecision::Adm1,
            "water" => LocationPrecision::Water,
            "country" => LocationPrecision::Country,
            _ => return None,
        })
    }
}

/// What placed an event where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationBasis {
    /// A place named in the event's own clause.
    Clause,
    /// A place named elsewhere in the event's sentence.
    Sentence,
    /// No place named: the target's country.
    Target,
    /// No place named and no target country: the source's country.
    Source,
}

impl LocationBasis {
    /// Its serde name.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationBasis::Clause => "clause",
            LocationBasis::Sentence => "sentence",
            LocationBasis::Target => "target",
            LocationBasis::Source => "source",
        }
    }

    /// The basis a serde name names.
    pub fn parse(s: &str) -> Option<LocationBasis> {
        Some(match s {
            "clause" => LocationBasis::Clause,
            "sentence" => LocationBasis::Sentence,
            "target" => LocationBasis::Target,
            "source" => LocationBasis::Source,
            _ => return None,
        })
    }
}

/// A place, resolved on the gazetteer (GeoNames), where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name in the gazetteer ("Kherson").
    pub name: EcoString,
    /// Name, region and country ("Kherson, Kherson, Ukraine"), GDELT's FullName.
    pub full_name: EcoString,
    /// ISO 3166 alpha-3 code of its country; empty for open water.
    pub country: EcoString,
    /// GDELT's ADM1 code: the FIPS 10-4 country code and the region's code
    /// (`UP08`), the FIPS country code alone for a country.
    pub adm1: EcoString,
    pub lat: f64,
    pub lon: f64,
    pub precision: LocationPrecision,
    /// The GeoNames id of a place; the ADM1 code of a region, the FIPS code
    /// of a country, the name of a body of water (GDELT's FeatureID).
    pub feature_id: EcoString,
    pub basis: LocationBasis,
    /// Byte offsets of the place's name in the cleaned text, when the text
    /// named it (not for an actor's country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

impl Location {
    /// Great-circle distance to a point, in kilometres.
    pub fn distance_km(&self, lat: f64, lon: f64) -> f64 {
        distance_km(self.lat, self.lon, lat, lon)
    }
}

/// Great-circle (haversine) distance between two points, in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle() {
        // Kyiv to Kherson is about 430 km.
        let d = distance_km(50.4547, 30.5238, 46.6354, 32.6169);
        assert!((d - 455.0).abs() < 30.0, "{d}");
        // Across the antimeridian: Fiji's Suva to Samoa's Apia, about 1,150 km.
        let d = distance_km(-18.14, 178.44, -13.83, -171.76);
        assert!((d - 1150.0).abs() < 60.0, "{d}");
        assert_eq!(distance_km(10.0, 20.0, 10.0, 20.0), 0.0);
    }

    #[test]
    fn names_round_trip() {
        for p in [
            LocationPrecision::City,
            LocationPrecision::Adm1,
            LocationPrecision::Water,
            LocationPrecision::Country,
        ] {
            assert_eq!(LocationPrecision::parse(p.as_str()), Some(p));
        }
        for b in [
            LocationBasis::Clause,
            LocationBasis::Sentence,
            LocationBasis::Target,
            LocationBasis::Source,
        ] {
            assert_eq!(LocationBasis::parse(b.as_str()), Some(b));
        }
    }
}
