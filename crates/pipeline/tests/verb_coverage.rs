//! Verb coverage through the whole pipeline (clean, annotate, code): the
//! verb families a wire journalist uses for a CAMEO meaning, each family in
//! at least two phrasings written for these tests, with phrases that must
//! not take the family's code. The families come from
//! `scripts/build_verbs.py` (VERB_ADDITIONS, BLOCK_JOINS,
//! COVERAGE_PATTERNS, VERB_CODE_OVERRIDES).

mod table;

use table::{run, Construction};

/// Shorthand for a case with one required event and no exclusions.
const fn case(
    name: &'static str,
    text: &'static str,
    events: &'static [(&'static str, &'static str, &'static str, bool)],
) -> Construction {
    Construction {
        name,
        text,
        events,
        not: &[],
        never: &[],
    }
}

/// CAMEO 12 (reject): reject's phrasal synonyms and rebuff, spurn,
/// dismiss with a request or an offer as object.
const REJECT: &[Construction] = &[
    case(
        "turned down a request",
        "Hungary turned down a request from Ukraine for more ammunition on Tuesday.",
        &[("HUN", "UKR", "12", false)],
    ),
    case(
        "turns down an offer",
        "Venezuela turns down Colombia's offer of mediation, the foreign ministry said.",
        &[("VEN", "COL", "12", false)],
    ),
    case(
        "brushed aside calls",
        "Israel brushed aside calls from Egypt for an immediate halt to the offensive.",
        &[("ISR", "EGY", "12", false)],
    ),
    case(
        "brushed off an appeal",
        "Serbia brushed off an appeal by Kosovo to reopen the border crossings.",
        &[("SRB", "", "12", false)],
    ),
    case(
        "shrugged off the demand",
        "The Kremlin shrugged off the demand by Finland for compensation.",
        &[("RUS", "", "12", false)],
    ),
    case(
        "balked at the proposal",
        "Poland balked at Germany's proposal for a joint fund on Monday.",
        &[("POL", "DEU", "12", false)],
    ),
    case(
        "repudiated the accord",
        "Venezuela repudiated the border accord with Guyana on Friday.",
        &[("VEN", "", "12", false)],
    ),
    case(
        "rebuffed an overture",
        "North Korea rebuffed an overture from South Korea on Thursday.",
        &[("PRK", "KOR", "12", false)],
    ),
    case(
        "spurned the offer",
        "Tehran spurned Washington's offer of direct talks.",
        &[("IRN", "USA", "12", false)],
    ),
    case(
        "dismissed the calls",
        "Myanmar's junta dismissed calls from Thailand to free the detained leaders.",
        &[("MMR", "THA", "12", false)],
    ),
    Construction {
        name: "dismissing a minister is no rejection",
        text: "The Pakistani prime minister dismissed the finance minister on Monday.",
        events: &[],
        not: &[],
        never: &["12"],
    },
    Construction {
        name: "putting out a call is no rejection",
        text: "The Kenyan Red Cross put out a call for blood donors on Monday.",
        events: &[],
        not: &[],
        never: &["12"],
    },
    case(
        "dismissed a petition",
        "The Indian government dismissed a petition from Nepal for the return of the land.",
        &[("IND", "NPL", "12", false)],
    ),
    Construction {
        name: "dismissing a case is no rejection of a request",
        text: "A Kenyan court dismissed the case against the governor on Monday.",
        events: &[],
        not: &[],
        never: &["12"],
    },
];

/// CAMEO 084 (return, release): handing or giving back persons (0841) or
/// property (0842), and "returned" with such an object.
const RETURN: &[Construction] = &[
    case(
        "handed back fishermen",
        "Indian authorities handed back 20 Pakistani fishermen on Monday.",
        &[("IND", "", "0841", false)],
    ),
    case(
        "gave back the vessels",
        "Iran gave back two British vessels it had seized in the Gulf.",
        &[("IRN", "", "084", false)],
    ),
    case(
        "returned the sailors",
        "Russia returned the Ukrainian sailors on Saturday.",
        &[("RUS", "UKR", "0841", false)],
    ),
    case(
        "returned a seized boat",
        "Japan returned the seized Chinese boat to Beijing on Friday.",
        &[("JPN", "", "0842", false)],
    ),
    Construction {
        name: "returning home is no release",
        text: "The Chinese president returned home on Friday.",
        events: &[],
        not: &[],
        never: &["084"],
    },
];

/// CAMEO 141 (demonstrate or rally): crowds massing or thronging a place,
/// and a noise protest; forces massed are a build-up (154).
const DEMONSTRATE: &[Construction] = &[
    case(
        "thronged the square",
        "Thousands of Georgian protesters thronged the square outside parliament in Tbilisi on Sunday.",
        &[("GEO", "", "141", false)],
    ),
    case(
        "protesters massed",
        "Serbian protesters massed outside the state broadcaster in Belgrade.",
        &[("SRB", "", "141", false)],
    ),
    case(
        "banged pots and pans",
        "Chilean demonstrators banged pots and pans in Santiago overnight.",
        &[("CHL", "", "141", false)],
    ),
    Construction {
        name: "troops already massed are no act of the sentence",
        text: "India said it would pull back troops massed along its border with Pakistan.",
        events: &[],
        not: &[],
        never: &["15"],
    },
    Construction {
        name: "troops massed are a build-up",
        text: "Russia massed troops near the Ukrainian border on Monday.",
        events: &[("RUS", "", "15", false)],
        not: &[],
        never: &["141"],
    },
];

/// CAMEO 11 (disapprove) and 08 (yield): criticism and concession by
/// their synonyms.
const CRITICIZE_AND_YIELD: &[Construction] = &[
    case(
        "lambasted",
        "Turkey lambasted Sweden on Monday over the burning of the Koran.",
        &[("TUR", "SWE", "11", false)],
    ),
    case(
        "hit out at",
        "China hit out at Japan on Tuesday over its defence budget.",
        &[("CHN", "JPN", "11", false)],
    ),
    case(
        "caved in",
        "Serbia caved in to pressure from the European Union on Friday.",
        &[("SRB", "", "08", false)],
    ),
    case(
        "relented",
        "Nepal relented after weeks of pressure from India.",
        &[("NPL", "", "080", false)],
    ),
];

/// CAMEO 143 (strike or boycott) and 144 (obstruct passage).
const STRIKE_AND_BLOCK: &[Construction] = &[
    case(
        "walked out of parliament",
        "Bangladeshi opposition deputies walked out of parliament on Tuesday.",
        &[("BGD", "", "143", false)],
    ),
    case(
        "walked off the job",
        "Nigerian oil workers walked off the job on Monday over unpaid wages.",
        &[("NGA", "", "143", false)],
    ),
    case(
        "picketed the embassy",
        "Kurdish activists picketed the Turkish embassy in Berlin on Saturday.",
        &[("", "", "141", false)],
    ),
    case(
        "barricaded a road",
        "Peruvian farmers barricaded the main highway to Cusco on Thursday.",
        &[("PER", "", "144", false)],
    ),
    Construction {
        name: "pulling out of a deal is no strike",
        text: "Iran pulled out of the nuclear deal with France on Monday.",
        events: &[],
        not: &[],
        never: &["143"],
    },
];

/// CAMEO 191 (impose blockade, restrict movement): sealing or cordoning
/// off a place.
const BLOCKADE: &[Construction] = &[
    case(
        "sealed off the ports",
        "The Yemeni coalition sealed off the ports of Yemen on Monday.",
        &[("", "", "191", false)],
    ),
    case(
        "cordoned off the town",
        "Israeli forces cordoned off the Palestinian town of Jenin.",
        &[("ISR", "", "191", false)],
    ),
];

/// CAMEO 194 (artillery and tanks) and 171 (seize or damage property).
const FORCE: &[Construction] = &[
    case(
        "pounded with artillery",
        "Russian forces pounded Kharkiv with artillery overnight.",
        &[("RUS", "UKR", "194", false)],
    ),
    case(
        "artillery pounded",
        "Armenian artillery pounded Azerbaijani positions on Tuesday.",
        &[("ARM", "AZE", "194", false)],
    ),
    case(
        "attacked with tanks",
        "Syrian troops attacked Homs with tanks and artillery.",
        &[("SYR", "", "194", false)],
    ),
    case(
        "tanks attacked",
        "Syrian tanks attacked rebel positions in Homs on Sunday.",
        &[("SYR", "", "194", false)],
    ),
    case(
        "strafed",
        "Israeli jets strafed Hezbollah positions in southern Lebanon.",
        &[("ISR", "", "195", false)],
    ),
    case(
        "mowed down",
        "Burmese soldiers mowed down Karen villagers on Sunday.",
        &[("MMR", "", "19", false)],
    ),
    case(
        "ransacked offices",
        "Sudanese soldiers ransacked the offices of the Egyptian embassy in Khartoum.",
        &[("SDN", "", "171", false)],
    ),
    case(
        "plundered the town",
        "Ethiopian troops plundered the Eritrean border town on Friday.",
        &[("ETH", "", "171", false)],
    ),
    case(
        "went on a rampage",
        "Somali militiamen went on a rampage in Mogadishu on Sunday.",
        &[("SOM", "", "180", false)],
    ),
    case(
        "ran amok",
        "Congolese soldiers ran amok in the eastern town of Goma.",
        &[("COD", "", "180", false)],
    ),
];

/// CAMEO 087 (de-escalate): demobilising and lowering the alert.
const DEESCALATE: &[Construction] = &[
    case(
        "demobilised soldiers",
        "Colombia demobilised 2,000 rebel soldiers on Tuesday.",
        &[("COL", "", "0873", false)],
    ),
    case(
        "demobilizing fighters",
        "Sudan began demobilizing its militia fighters in Darfur.",
        &[("SDN", "", "0873", false)],
    ),
    case(
        "lowered the alert status",
        "Taiwan lowered the alert status of its armed forces on Friday.",
        &[("TWN", "", "087", false)],
    ),
    case(
        "reduced the alert level",
        "India reduced the alert level of its troops along the border with Pakistan.",
        &[("IND", "", "087", false)],
    ),
    Construction {
        name: "lowering interest rates is no de-escalation",
        text: "The Turkish central bank lowered interest rates on Thursday.",
        events: &[],
        not: &[],
        never: &["087"],
    },
];

/// CAMEO 06 (material cooperation) and 045 (mediate).
const COOPERATE: &[Construction] = &[
    case(
        "tipped off",
        "Moroccan intelligence tipped off Spanish police about the plot.",
        &[("MAR", "ESP", "064", false)],
    ),
    case(
        "shared intelligence",
        "Jordan shared intelligence with Israel on Tuesday.",
        &[("JOR", "ISR", "064", false)],
    ),
    case(
        "worked alongside",
        "French troops worked alongside Malian soldiers in the north.",
        &[("FRA", "MLI", "06", false)],
    ),
    case(
        "lobbied to rally behind",
        "Brazil lobbied African leaders to rally behind Angola's candidate.",
        &[("BRA", "", "053", false)],
    ),
    case(
        "teamed up",
        "Kenya teamed up with Uganda on Monday to fight cattle rustling.",
        &[("KEN", "UGA", "06", false)],
    ),
    case(
        "joined forces",
        "Nigeria joined forces with Chad against Boko Haram.",
        &[("NGA", "TCD", "06", false)],
    ),
    case(
        "shuttled between",
        "The Qatari envoy shuttled between Israel and Hamas on Monday.",
        &[("QAT", "", "045", false)],
    ),
];

/// CAMEO 16 (reduce relations) and 081 (ease restrictions).
const REDUCE_AND_EASE: &[Construction] = &[
    case(
        "suspended lending",
        "The World Bank suspended lending to Uganda on Tuesday.",
        &[("", "UGA", "1621", false)],
    ),
    case(
        "cut off aid",
        "The United States cut off military aid to Egypt.",
        &[("USA", "EGY", "162", false)],
    ),
    case(
        "suspended security assistance",
        "Washington suspended security assistance to Honduras on Friday.",
        &[("USA", "HND", "1622", false)],
    ),
    case(
        "withheld aid",
        "The European Union withheld aid to Niger after the coup.",
        &[("IGO", "NER", "162", false)],
    ),
    case(
        "froze military aid",
        "Washington froze military aid to Egypt on Wednesday.",
        &[("USA", "EGY", "1622", false)],
    ),
    Construction {
        name: "withholding information is no aid cut",
        text: "Canada accused India of withholding information about the killing.",
        events: &[],
        not: &[],
        never: &["16"],
    },
    case(
        "suspended contacts",
        "Morocco suspended contacts with the German embassy.",
        &[("MAR", "", "160", false)],
    ),
    case(
        "abolished censorship",
        "Tunisia abolished press censorship on Monday.",
        &[("TUN", "", "0811", false)],
    ),
    case(
        "lifted the curfew",
        "The Sri Lankan government lifted the curfew in Colombo.",
        &[("LKA", "", "0813", false)],
    ),
    case(
        "revoked accreditation",
        "Russia revoked the accreditation of a Dutch journalist.",
        &[("RUS", "", "172", false)],
    ),
    case(
        "withdrew credentials",
        "Ethiopia withdrew the press credentials of a Kenyan reporter.",
        &[("ETH", "", "172", false)],
    ),
    case(
        "repealed martial law",
        "The Thai government repealed martial law on Wednesday.",
        &[("THA", "", "0814", false)],
    ),
];

/// CAMEO 11 (legal action): convictions, guilty findings, lawsuits; and
/// CAMEO 072 (military aid) delivered.
const LEGAL_AND_AID: &[Construction] = &[
    case(
        "found guilty",
        "A Turkish court found two Syrian men guilty of smuggling on Tuesday.",
        &[("TUR", "SYR", "116", false)],
    ),
    case(
        "convicted",
        "An Iranian court convicted a French tourist of spying.",
        &[("IRN", "FRA", "116", false)],
    ),
    case(
        "took to court",
        "Gambia took Myanmar to court over the killings of Rohingya.",
        &[("GMB", "MMR", "115", false)],
    ),
    case(
        "delivered jets",
        "The United States delivered F-16 jets to Ukraine on Thursday.",
        &[("USA", "", "072", false)],
    ),
    case(
        "extended assistance",
        "Japan extended a package of assistance to Mongolia on Friday.",
        &[("JPN", "MNG", "07", false)],
    ),
    case(
        "airdropped food",
        "Jordan airdropped food to Gaza on Tuesday.",
        &[("JOR", "", "073", false)],
    ),
    case(
        "looked into",
        "The United Nations looked into allegations of abuse by Malian troops.",
        &[("IGO", "", "09", false)],
    ),
    case(
        "delivered tanks",
        "Germany delivered Leopard tanks to Poland.",
        &[("DEU", "POL", "072", false)],
    ),
];

#[test]
fn reject() {
    run(REJECT);
}

#[test]
fn return_and_release() {
    run(RETURN);
}

#[test]
fn demonstrate() {
    run(DEMONSTRATE);
}

#[test]
fn criticize_and_yield() {
    run(CRITICIZE_AND_YIELD);
}

#[test]
fn strike_and_block() {
    run(STRIKE_AND_BLOCK);
}

#[test]
fn blockade() {
    run(BLOCKADE);
}

#[test]
fn force() {
    run(FORCE);
}

#[test]
fn deescalate() {
    run(DEESCALATE);
}

#[test]
fn cooperate() {
    run(COOPERATE);
}

#[test]
fn reduce_and_ease() {
    run(REDUCE_AND_EASE);
}

#[test]
fn legal_and_aid() {
    run(LEGAL_AND_AID);
}
