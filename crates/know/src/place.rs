//! Places and the areas treaty provisions cover (NATO's Article 6).

/// The area a provision covers, as a list of tags any of which admits a place:
/// `region:Europe`, `subregion:Northern America`, `state:TUR` (a state's own
/// territory), `admin:JPN` (anything Japan administers), `tag:pacific`, and
/// `metropolitan` (the home territory of any state).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub tags: Vec<String>,
}

impl Area {
    /// Parses `a|b|c`; `None` for an empty string (no area limit).
    pub fn parse(s: &str) -> Option<Area> {
        let tags: Vec<String> = s
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        (!tags.is_empty()).then_some(Area { tags })
    }

    /// Whether the area admits `place`.
    pub fn admits(&self, place: &Place) -> bool {
        self.tags.iter().any(|t| place.tags.iter().any(|p| p == t))
    }
}

/// A place an attack may hit: a state's home territory, or a listed territory
/// (Hawaii, Greenland) with the state administering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub aliases: Vec<String>,
    /// ISO code of the state administering the place.
    pub administered_by: String,
    /// `region:…`, `subregion:…`, `admin:…`, `tag:…`, and for a state's home
    /// territory `state:…` and `metropolitan`.
    pub tags: Vec<String>,
    pub source: String,
}

impl Place {
    /// A state's home territory, tagged from its UN M49 region.
    pub fn home_territory(code: &str, name: &str, region: &str, subregion: &str) -> Place {
        let mut tags = vec![
            format!("state:{code}"),
            format!("admin:{code}"),
            "metropolitan".to_string(),
        ];
        if !region.is_empty() {
            tags.push(format!("region:{region}"));
        }
        if !subregion.is_empty() {
            tags.push(format!("subregion:{subregion}"));
        }
        Place {
            name: name.to_string(),
            aliases: vec![code.to_string()],
            administered_by: code.to_string(),
            tags,
            source: "UN M49 regions (countrycode codelist)".to_string(),
        }
    }

    pub fn is_named(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nato_area_admits_europe_not_hawaii() {
        let area = Area::parse("region:Europe|subregion:Northern America|state:TUR").unwrap();
        let bel = Place::home_territory("BEL", "Belgium", "Europe", "Western Europe");
        let usa = Place::home_territory("USA", "United States", "Americas", "Northern America");
        let tur = Place::home_territory("TUR", "Turkey", "Asia", "Western Asia");
        let hawaii = Place {
            name: "Hawaii".into(),
            aliases: vec![],
            administered_by: "USA".into(),
            tags: vec![
                "region:Oceania".into(),
                "admin:USA".into(),
                "tag:pacific".into(),
            ],
            source: String::new(),
        };
        assert!(area.admits(&bel));
        assert!(area.admits(&usa));
        assert!(area.admits(&tur));
        assert!(!area.admits(&hawaii));
        assert!(Area::parse("").is_none());
    }
}
