//! A time-aware knowledge base of treaties, memberships, partnerships and
//! obligations: who is a member of NATO on a given day, who must come to
//! Belgium's defence if it is attacked, what binds the United States to Japan.
//!
//! The data is compiled in. `scripts/build_alliances.py` converts ATOP 4.01
//! (treaties, members, obligations and their conditions), ATOP 5.1 dyad-years
//! (a consistency check), COW IGO memberships, the CIA World Factbook 2020
//! organisation lists and NATO's accession dates, together with the reviewed
//! lines of `data/curated.tsv` (what the datasets miss or postdate: NATO's
//! accessions after 2016, ANZUS's suspended US–New Zealand obligations,
//! AUKUS, NATO's partners, the Pacific Islands Forum, treaty articles and
//! areas), into the TSV files of `data/`; see `data/SOURCES.md`. Adding a
//! treaty or a change of membership is a line of `curated.tsv` and a rerun of
//! the script, no code: so are a treaty's end and why (`termination`), one
//! state leaving (`withdrawal`), and a successor state bound only from its
//! independence (`successor`). Every treaty has a name: the one a source
//! gives, else one made from its founding parties and year ("Hungary–Ukraine
//! treaty of 1991", [`Treaty::name_generated`]). Every answer names its basis: treaty, article,
//! dataset line or curated line, and the date of entry it used (entry into
//! force where known, else ATOP's signature date). Every obligation says
//! how its conditions stood ([`ConditionCheck`]): a provision whose area is
//! known binds only when the place attacked lies in it; one ATOP conditions
//! on a named adversary, conflict or request says that it depends on it.
//!
//! It does not read news itself: [`KnowledgeBase::propose_updates`] turns
//! coded events into [`KnowledgeUpdate`]s for review (accessions, withdrawals
//! from organisations and treaties, treaties signed, suspended or ended,
//! recognitions; one per fact, see [`KnowledgeUpdate::same_fact`]), and
//! [`KnowledgeBase::apply`] makes an accepted one a fact. It does not
//! interpret treaties beyond their coded provisions, and knows places only as
//! states' home territories plus the territories listed in `curated.tsv`.
//!
//! The types that matter:
//! - [`KnowledgeBase`]: loaded once ([`KnowledgeBase::embedded`]); its queries
//!   [`members`](KnowledgeBase::members), [`obligations`](KnowledgeBase::obligations),
//!   [`partners`](KnowledgeBase::partners) and
//!   [`treaties_between`](KnowledgeBase::treaties_between) return serialisable
//!   answers with a `to_table()` rendering.
//! - [`Treaty`] with its [`Provision`]s and the [`Party`] spells of its states
//!   (each bearing its [`Obligations`]); [`Organisation`] with its
//!   [`Membership`]s and [`Partnership`]s.
//! - [`KnowledgeUpdate`]: a change read from the news, stored as JSON.
//!
//! ```
//! use chrono::NaiveDate;
//! use entente_know::KnowledgeBase;
//!
//! let kb = KnowledgeBase::embedded()?;
//! let day = NaiveDate::from_ymd_opt(2022, 4, 8).unwrap();
//! let nato = kb.members("NATO", day)?;
//! assert_eq!(nato.members.len(), 30);
//!
//! let answer = kb.obligations("BEL", day, Some("NATO"), None)?;
//! assert_eq!(answer.obligated.len(), 29);
//! assert_eq!(answer.obligated[0].article.as_deref(), Some("Article 5"));
//!
//! // Hawaii lies outside the area Article 6 gives Article 5.
//! let hawaii = kb.obligations("USA", day, Some("NATO"), Some("Hawaii"))?;
//! assert!(hawaii.obligated.iter().all(|o| o.article.as_deref() != Some("Article 5")));
//! assert_eq!(hawaii.excluded[0].article.as_deref(), Some("Article 5"));
//! # Ok::<(), entente_know::KnowError>(())
//! ```

// Offsets cut text only through `str::get` or `entente_core::text`.
#![cfg_attr(not(test), deny(clippy::string_slice))]

mod condition;
mod date;
mod error;
mod knowledge_base;
mod organisation;
mod place;
mod query;
mod source;
mod table;
mod treaty;
mod update;

pub use condition::{CheckStatus, Condition, ConditionCheck};
pub use date::{FuzzyDate, Precision};
pub use error::{KnowError, Result};
pub use knowledge_base::{DataFiles, KnowledgeBase, State};
pub use organisation::{Membership, Organisation, Partnership};
pub use place::{Area, Place};
pub use query::{
    Excluded, Member, MembersAnswer, Obligated, ObligationsAnswer, Partner, PartnersAnswer,
    ProvisionBetween, TreatiesAnswer, TreatyBetween,
};
pub use source::expand as expand_source;
pub use treaty::{
    DateBasis, Obligations, Origin, Party, Provision, ProvisionKind, Suspension, Treaty,
};
pub use update::{treaty_key, Applied, CodedEvent, KnowledgeUpdate, Recognition, UpdateKind};
