//! Deployments read with the real actor resolver: force nouns of every
//! class, verb and noun triggers, passives, senders from the force's noun
//! phrase, destinations from obliques, border phrases, withdrawals and
//! sentences that are no deployment. Each rule has its own cases, written
//! for these tests in several phrasings.

use chrono::NaiveDate;
use entente_annotate::actors::ActorResolver;
use entente_code::{code_text, CodedDocument};
use entente_core::{Deployment, DeploymentStatus, Personnel};

fn code(text: &str) -> CodedDocument {
    let day = NaiveDate::from_ymd_opt(2023, 6, 1);
    let mentions = ActorResolver::embedded().find_mentions(text, day);
    code_text("t", text, day, &mentions)
}

/// What a case expects of one deployment; `None` fields are not checked.
struct Case {
    text: &'static str,
    by: &'static str,
    to: &'static [&'static str],
    role: Option<&'static str>,
    personnel: Option<Personnel>,
    status: Option<DeploymentStatus>,
}

const fn case(text: &'static str, by: &'static str, to: &'static [&'static str]) -> Case {
    Case {
        text,
        by,
        to,
        role: None,
        personnel: None,
        status: None,
    }
}

impl Case {
    const fn role(mut self, r: &'static str) -> Case {
        self.role = Some(r);
        self
    }
    const fn count(mut self, p: Personnel) -> Case {
        self.personnel = Some(p);
        self
    }
    const fn status(mut self, s: DeploymentStatus) -> Case {
        self.status = Some(s);
        self
    }
}

/// Runs the cases of one rule: every case must give a deployment from
/// `by` to exactly `to` (and the role, count and status asked for).
fn check(rule: &str, cases: &[Case]) {
    for c in cases {
        let found = code(c.text).deployments;
        let hit = found.iter().find(|d: &&Deployment| {
            d.by == c.by && d.to == c.to && c.role.is_none_or(|r| d.role.as_deref() == Some(r))
        });
        let Some(d) = hit else {
            panic!(
                "{rule}: {:?}\n  want by {} to {:?} role {:?}\n  got {:#?}\n  help: see the \
                 module doc of crates/code/src/deployments.rs for which rule reads this",
                c.text,
                c.by,
                c.to,
                c.role,
                found
                    .iter()
                    .map(|d| (&d.by, &d.to, &d.role, d.personnel, d.status))
                    .collect::<Vec<_>>()
            );
        };
        if let Some(p) = c.personnel {
            assert_eq!(d.personnel, Some(p), "{rule}: {:?}: count", c.text);
        }
        if let Some(s) = c.status {
            assert_eq!(d.status, s, "{rule}: {:?}: status", c.text);
        }
    }
}

fn no_deployment(rule: &str, texts: &[&str]) {
    for t in texts {
        let found = code(t).deployments;
        assert!(
            found.is_empty(),
            "{rule}: {t:?} is no deployment; got {found:#?}"
        );
    }
}

#[test]
fn force_nouns_of_every_class() {
    check(
        "force nouns",
        &[
            case(
                "Russia moved tactical nuclear weapons and troops to Belarus.",
                "RUSMIL",
                &["BLR"],
            )
            .role("tactical nuclear weapons"),
            case(
                "Russia moved tactical nuclear weapons and troops to Belarus.",
                "RUSMIL",
                &["BLR"],
            )
            .role("troops"),
            case(
                "Britain deployed four fighter jets to Estonia.",
                "GBRMIL",
                &["EST"],
            )
            .role("fighter jets")
            .count(Personnel::Exactly(4)),
            case("France sent a frigate to Cyprus.", "FRAMIL", &["CYP"]).role("frigate"),
            case(
                "Germany sent Patriot batteries to Poland.",
                "DEUMIL",
                &["POL"],
            )
            .role("patriot batteries"),
            case(
                "Canada deployed a battlegroup to Latvia.",
                "CANMIL",
                &["LVA"],
            )
            .role("battlegroup"),
            case(
                "Turkey sent military advisers to Libya.",
                "TURMIL",
                &["LBY"],
            )
            .role("military advisers"),
            case("Australia sent 50 police to Fiji.", "AUSCOP", &["FJI"])
                .count(Personnel::Exactly(50)),
            // A bare "police" whose country is only guessed from the story
            // (here the host's) belongs to the clause's subject.
            case(
                "Fiji is sending 50 police to Vanuatu after riots in Port Vila, the Vanuatu government said.",
                "FJICOP",
                &["VUT"],
            )
            .count(Personnel::Exactly(50)),
        ],
    );
}

#[test]
fn units_of_personnel_are_their_people() {
    check(
        "a unit of personnel",
        &[
            case(
                "Germany is sending a brigade of 4,800 troops to Lithuania.",
                "DEUMIL",
                &["LTU"],
            )
            .role("troops")
            .count(Personnel::Exactly(4800)),
            case(
                "Britain deployed a contingent of 200 soldiers to Estonia.",
                "GBRMIL",
                &["EST"],
            )
            .role("soldiers")
            .count(Personnel::Exactly(200)),
            case(
                "Poland sent a battalion of 600 paratroopers to Latvia.",
                "POLMIL",
                &["LVA"],
            )
            .role("paratroopers")
            .count(Personnel::Exactly(600)),
            case("France sent a battalion to Romania.", "FRAMIL", &["ROU"]).role("battalion"),
        ],
    );
}

#[test]
fn verb_triggers() {
    check(
        "verb triggers",
        &[
            case(
                "Moscow has deployed 2,000 soldiers to Belarus, the defence ministry said.",
                "RUSMIL",
                &["BLR"],
            )
            .role("soldiers")
            .count(Personnel::Exactly(2000)),
            case("Italy dispatched 300 troops to Lebanon.", "ITAMIL", &["LBN"]),
            case("Spain transferred two warships to Greece.", "ESPMIL", &["GRC"]),
            // "drones" says nothing of the sector: the sender keeps its code.
            case("Denmark relocated its drones to Iceland.", "DNK", &["ISL"]),
            case("Norway rotated 200 marines into Lithuania.", "NORMIL", &["LTU"]),
            case("Sweden stationed 150 soldiers in Latvia.", "SWEMIL", &["LVA"]),
            case("Japan will send Self-Defense Forces personnel to the Philippines under the new access agreement.", "JPNMIL", &["PHL"])
                .role("personnel")
                .status(DeploymentStatus::Planned),
            case("Belgium plans to deploy 100 instructors to Mali.", "BEL", &["MLI"])
                .status(DeploymentStatus::Planned),
        ],
    );
}

#[test]
fn noun_triggers() {
    check(
        "noun triggers",
        &[
            case(
                "The deployment of 300 French troops to Niger ended in December.",
                "FRAMIL",
                &["NER"],
            )
            .count(Personnel::Exactly(300)),
            case(
                "Britain's dispatch of two frigates to Oman was welcomed.",
                "GBRMIL",
                &["OMN"],
            )
            .role("frigates"),
            case(
                "Russia's deployment of bombers to Venezuela alarmed Washington.",
                "RUSMIL",
                &["VEN"],
            ),
            case(
                "The withdrawal of Italian soldiers from Iraq began on Monday.",
                "ITAMIL",
                &["IRQ"],
            )
            .status(DeploymentStatus::Withdrawn),
        ],
    );
}

#[test]
fn passives_take_the_agent() {
    check(
        "passives",
        &[
            case("Troops were sent to the border by Poland.", "POLMIL", &[]),
            case(
                "Two destroyers were dispatched to Japan by Australia.",
                "AUSMIL",
                &["JPN"],
            )
            .count(Personnel::Exactly(2)),
            case("US Marines were deployed to Australia.", "USAMIL", &["AUS"]),
            case(
                "Russian troops have been moved to Belarus.",
                "RUSMIL",
                &["BLR"],
            ),
        ],
    );
}

#[test]
fn passives_without_an_agent_are_the_announcers() {
    check(
        "passive in what a state or alliance said",
        &[
            case(
                "Britain announced that 500 troops would be deployed to Estonia.",
                "GBRMIL",
                &["EST"],
            )
            .count(Personnel::Exactly(500)),
            case(
                "Canada said 300 more troops would be deployed to Latvia next year.",
                "CANMIL",
                &["LVA"],
            ),
            case(
                "NATO said 1,000 troops would be deployed to Romania.",
                "IGOWSTNAT",
                &["ROU"],
            ),
            // The force's own nationality still comes first.
            case(
                "Estonia said 500 British troops would be stationed in Tapa.",
                "GBRMIL",
                &[],
            ),
        ],
    );
    // Nobody a force could belong to: no sender, no deployment.
    no_deployment(
        "passive said by no state",
        &["Officials said 200 troops would be deployed to the capital."],
    );
}

#[test]
fn a_unit_of_a_force_names_its_sender() {
    check(
        "a unit 'of' a force",
        &[
            case(
                "A German brigade of 4,800 soldiers will be stationed in Lithuania, the defence minister said.",
                "DEUMIL",
                &["LTU"],
            )
            .count(Personnel::Exactly(4800)),
            case(
                "A French battalion of 600 troops was sent to Romania.",
                "FRAMIL",
                &["ROU"],
            ),
            case(
                "Germany's defence minister announced that a brigade of 4,800 soldiers would be stationed permanently in Lithuania.",
                "DEUMIL",
                &["LTU"],
            ),
        ],
    );
}

#[test]
fn sender_from_the_force_phrase() {
    check(
        "sender in the noun phrase",
        &[
            // The subject is not the sender when the force names its own.
            case(
                "Belarus said Russian troops were moved into Belarus.",
                "RUSMIL",
                &["BLR"],
            ),
            case("The plan sent French soldiers to Chad.", "FRAMIL", &["TCD"]),
            case("Japan's troops were sent to Djibouti.", "JPNMIL", &["DJI"]),
            case(
                "The United States moved its bombers to Guam.",
                "USAMIL",
                &["GUM"],
            ),
            // A subject that is a city or a person is its country's military.
            case("Putin sent 5,000 troops to Syria.", "RUSMIL", &["SYR"]),
        ],
    );
}

#[test]
fn destinations_from_obliques() {
    check(
        "destinations",
        &[
            case(
                "Canada sent 40 instructors to Britain and Belgium.",
                "CAN",
                &["GBR", "BEL"],
            ),
            case(
                "Japan will send Self-Defense Forces personnel to the Philippines.",
                "JPNMIL",
                &["PHL"],
            ),
            case(
                "Turkey deployed troops into neighbouring Syria.",
                "TURMIL",
                &["SYR"],
            ),
            // Red Sea is no country: still a deployment, with no destination.
            case(
                "Britain dispatched two frigates to the Red Sea.",
                "GBRMIL",
                &[],
            )
            .role("frigates")
            .count(Personnel::Exactly(2)),
            // "from X" is where they come from.
            case(
                "Germany moved 500 soldiers from Lithuania to Poland.",
                "DEUMIL",
                &["POL"],
            ),
            // An indirect object is the destination, not the sender.
            case(
                "Washington will send Kyiv another $300 million in weapons.",
                "USAMIL",
                &["UKR"],
            ),
        ],
    );
    // A force "in X" with no owner of its own is where it is sent: X is
    // the destination, the clause's subject the sender.
    check(
        "forces in a place",
        &[
            case(
                "Britain will base fighter jets in Romania.",
                "GBRMIL",
                &["ROU"],
            ),
            case(
                "Britain deployed fighter jets in Romania.",
                "GBRMIL",
                &["ROU"],
            ),
            case("The US will station troops in Poland.", "USAMIL", &["POL"]),
            case(
                "Germany will deploy soldiers in Lithuania permanently.",
                "DEUMIL",
                &["LTU"],
            ),
        ],
    );
}

#[test]
fn border_deployments_go_to_the_border_owner() {
    check(
        "borders",
        &[
            case(
                "India stationed 10,000 troops along its border with China.",
                "INDMIL",
                &["IND"],
            )
            .count(Personnel::Exactly(10000)),
            case(
                "Greece deployed soldiers near the border with Turkey.",
                "GRCMIL",
                &["GRC"],
            ),
            case(
                "Pakistan moved tanks to its own border.",
                "PAKMIL",
                &["PAK"],
            ),
            case(
                "NATO sent jets to Poland's border with Belarus.",
                "IGOWSTNAT",
                &["POL"],
            ),
        ],
    );
}

#[test]
fn withdrawals_name_the_country_left() {
    check(
        "withdrawals",
        &[
            case(
                "The United States withdrew its marines from Iraq.",
                "USAMIL",
                &["IRQ"],
            )
            .status(DeploymentStatus::Withdrawn),
            case(
                "France pulled out its soldiers from Mali.",
                "FRAMIL",
                &["MLI"],
            )
            .status(DeploymentStatus::Withdrawn),
            case(
                "Canada will withdraw 200 peacekeepers from Cyprus.",
                "CANMIL",
                &["CYP"],
            )
            .status(DeploymentStatus::Withdrawn),
        ],
    );
}

#[test]
fn counts() {
    check(
        "counts",
        &[
            case(
                "Fiji will send up to five trainers to Tonga.",
                "FJI",
                &["TON"],
            )
            .count(Personnel::AtMost(5)),
            case("Kenya sent about 300 police to Haiti.", "KENCOP", &["HTI"])
                .count(Personnel::About(300)),
        ],
    );
    let d = code("Spain sent dozens of soldiers to Chad.").deployments;
    assert!(
        d.iter().any(|d| d.by == "ESPMIL" && d.personnel.is_none()),
        "'dozens of' is no count: {d:#?}"
    );
}

#[test]
fn no_force_no_deployment() {
    no_deployment(
        "negatives",
        &[
            "Germany sent condolences to France.",
            "The company moved its headquarters to Dublin.",
            "Analysts expect the euro to rise.",
            "Italy sent military aid to Ukraine.",
            "Russia moved to block the resolution.",
            "Poland refused to send troops to Ukraine.",
            "The troops' base in Kenya was attacked.",
            // A force noun that modifies another noun names no force.
            "The UN withdrew its weapons inspectors from Iraq.",
            "Russia signed an arms control treaty with the United States.",
        ],
    );
    // A verb's form the tagger reads as a noun is no trigger: the drones
    // are a weapon of the attack, not forces based anywhere.
    no_deployment(
        "nouns that look like triggers",
        &[
            "Ukraine struck a Russian air base in Crimea with drones overnight.",
            "Drones hit a Russian naval base near Sevastopol with missiles.",
            "Rebels attacked an army post near Goma with rockets and mortars.",
            "The militia shelled a police station with artillery.",
        ],
    );
    // A withdrawal or a dispatch demanded in a "that" clause has not
    // happened.
    no_deployment(
        "demanded acts",
        &[
            "The UN General Assembly demanded that Russia withdraw its troops from Ukraine.",
            "China urged that the United States withdraw its forces from South Korea.",
            "Protesters demanded that France pull its soldiers out of Niger.",
        ],
    );
}

#[test]
fn never_panics_on_odd_text() {
    for t in [
        "",
        "sent",
        "troops",
        "deployment of",
        "were sent by",
        "Troops were",
        "withdrew from",
        "sent troops to the",
        "along its border with",
        "Russia's deployment",
        "the dispatch of",
        "“Troops”—sent—to—",
        "Ъ sent 五 troops to 🇫🇷",
    ] {
        let _ = code(t);
    }
}

/// The event a deployment stands for: (source prefix, target prefix or "",
/// CAMEO code).
#[test]
fn event_codes_follow_what_is_sent_and_where() {
    for (text, want) in [
        // Troops to a partner: military cooperation.
        (
            "Italy dispatched 300 troops to Lebanon.",
            ("ITA", "LBN", "062"),
        ),
        // Arms sent to another country: military aid.
        ("Germany sent tanks to Ukraine.", ("DEU", "UKR", "072")),
        // Arms placed abroad, forces at one's border: a force posture.
        (
            "Russia moved nuclear weapons to Belarus.",
            ("RUS", "BLR", "154"),
        ),
        (
            "India stationed troops along its border with China.",
            ("IND", "CHN", "154"),
        ),
        (
            "Britain dispatched two frigates to the Red Sea.",
            ("GBR", "", "154"),
        ),
        // Forces sent near a country are shown to it, not sent to it.
        (
            "China sent warships and fighter jets near Taiwan.",
            ("CHN", "TWN", "154"),
        ),
        (
            "Russia deployed bombers near Japan during the drills.",
            ("RUS", "JPN", "154"),
        ),
        // A withdrawal de-escalates.
        (
            "France withdrew its soldiers from Mali.",
            ("FRA", "MLI", "087"),
        ),
    ] {
        let events = code(text).events;
        let got: Vec<(String, String, String)> = events
            .iter()
            .map(|e| {
                (
                    e.source.code.chars().take(3).collect(),
                    e.target
                        .as_ref()
                        .map(|t| t.code.chars().take(3).collect())
                        .unwrap_or_default(),
                    e.cameo.to_string(),
                )
            })
            .collect();
        let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
        assert!(got.contains(&want), "{text}: want {want:?}, got {got:?}");
    }
}

/// A verb of ordering sends forces when it names where to ("ordered 3,000
/// troops to Poland"); ordering them to act, or ordering something else,
/// sends nothing; a denied sending is no deployment.
#[test]
fn ordered_to_a_destination() {
    check(
        "ordered to a destination",
        &[
            case(
                "The Pentagon ordered 3,000 troops to Poland.",
                "USAMIL",
                &["POL"],
            )
            .count(Personnel::Exactly(3000)),
            case(
                "Canada ordered two frigates to the Baltic states.",
                "CANMIL",
                &[],
            )
            .role("frigates"),
            case("Paris ordered 500 soldiers into Chad.", "FRAMIL", &["TCD"]),
        ],
    );
    no_deployment(
        "ordering to act, or no force, or a denial",
        &[
            "Putin ordered troops to withdraw from the border.",
            "The court ordered the release of the soldiers in Turkey.",
            "Belarus denied that it had sent troops to the Ukrainian border.",
            "Rwanda dismissed reports that it deployed soldiers in Congo.",
        ],
    );
}

/// A nationality's border is the sender's own border with that state only
/// when the two share a land border (GeoNames' neighbours): US troops "near
/// the Russian border" are in a country the phrase does not name.
#[test]
fn borders_of_neighbours_and_of_others() {
    check(
        "borders of neighbours and of others",
        &[
            case(
                "Russia massed troops on the Ukrainian border.",
                "RUSMIL",
                &["RUS"],
            ),
            case(
                "India moved troops to the Chinese border.",
                "INDMIL",
                &["IND"],
            ),
            case(
                "Turkey deployed tanks along the Syrian border.",
                "TURMIL",
                &["TUR"],
            ),
            case(
                "Washington will station US troops near the Russian border.",
                "USAMIL",
                &[],
            ),
            case("Britain sent troops to the Estonian border.", "GBRMIL", &[]),
            case(
                "Australia sent soldiers to the Chinese border.",
                "AUSMIL",
                &[],
            ),
        ],
    );
}

/// Forces that move themselves: the force noun is the subject of a verb
/// of motion ("Russian troops moved into ...", "two destroyers arrived
/// in ..."), and of an intransitive withdrawal ("US forces withdrew from
/// ...", "French soldiers left Niger"). The sender is the force's own
/// modifier; without a force noun ("the delegation arrived") or with the
/// force as an object ("the strike left 20 soldiers dead") there is none.
#[test]
fn forces_as_subjects() {
    use DeploymentStatus::{New, Withdrawn};
    check(
        "forces as subjects",
        &[
            case("Belarusian troops moved into Poland.", "BLRMIL", &["POL"]).status(New),
            case(
                "Iranian warships sailed into Venezuela.",
                "IRNMIL",
                &["VEN"],
            )
            .role("warships"),
            case(
                "About 300 German soldiers arrived in Lithuania.",
                "DEUMIL",
                &["LTU"],
            )
            .count(Personnel::About(300)),
            case("Turkish tanks have crossed into Syria.", "TURMIL", &["SYR"]).role("tanks"),
            case(
                "Indian paratroopers landed in the Maldives.",
                "INDMIL",
                &["MDV"],
            ),
            case("Russian bombers will fly to Nicaragua.", "RUSMIL", &["NIC"]),
            case(
                "Kenyan police officers arrived in Haiti.",
                "KENCOP",
                &["HTI"],
            ),
            case("Russian forces withdrew from Georgia.", "RUSMIL", &["GEO"]).status(Withdrawn),
            case("The last Danish soldiers left Iraq.", "DNKMIL", &["IRQ"]).status(Withdrawn),
            case("Chadian troops quit Mali in 2022.", "TCDMIL", &["MLI"]).status(Withdrawn),
            case(
                "Two Iranian frigates entered Omani waters.",
                "IRNMIL",
                &["OMN"],
            ),
        ],
    );
    no_deployment(
        "no force, or the force not the subject",
        &[
            "The Chinese delegation arrived in Washington.",
            "The talks moved to Vienna.",
            "Afghan refugees crossed into Iran.",
            "The attack left 20 Nigerian soldiers dead.",
            "Several Turkish soldiers left behind in Iraq were wounded.",
        ],
    );
}

/// A border named by its side alone ("the southern border", "its eastern
/// border") is the sender's own; "the border" with nothing else says
/// nothing of whose it is.
#[test]
fn borders_named_by_their_side() {
    check(
        "borders named by their side",
        &[
            case(
                "Mexico sent 10,000 troops to the northern border.",
                "MEXMIL",
                &["MEX"],
            ),
            case(
                "Lithuania deployed soldiers to its western border.",
                "LTUMIL",
                &["LTU"],
            ),
            case(
                "Norway moved troops to the eastern border with Russia.",
                "NORMIL",
                &["NOR"],
            ),
            case("Greece deployed soldiers along the border.", "GRCMIL", &[]),
        ],
    );
}
