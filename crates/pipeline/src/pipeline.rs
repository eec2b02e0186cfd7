//! [`Pipeline`]: the models and the knowledge base, loaded once, and the
//! sequence of stages one document goes through.

use crate::failure::{fault, guarded, Failure, Reason, Stage};
use crate::proposals::proposed_updates;
use crate::sink::{Sink, SinkError, Written};
use entente_annotate::{ActorDictionary, ActorResolver};
use entente_code::CodedDocument;
use entente_core::{Document, Mention, RawDocument};
use entente_know::{KnowError, KnowledgeBase};
use entente_store::{DateSpan, DocumentRecord, QuantitySpan, TextSpans};
use rayon::prelude::*;
use std::sync::Arc;

/// What one document gives: its record (the cleaned document, its actor
/// mentions, events, quotations, deployments and the knowledge-base updates
/// they propose), or why it gave none.
pub type DocumentResult = Result<DocumentRecord, Failure>;

/// Why a pipeline could not be built.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PipelineError {
    /// The embedded knowledge base, which proposes updates, did not load
    /// (a broken data table: a defect in this build).
    #[error("cannot load the embedded knowledge base: {0}")]
    Knowledge(#[from] KnowError),
}

/// How a [`Pipeline`] is made; [`Pipeline::builder`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    actors: Option<&'static ActorDictionary>,
    knowledge: Option<Arc<KnowledgeBase>>,
    failure_boundary: bool,
    preload: bool,
}

impl PipelineBuilder {
    /// Resolves actors with `dictionary` instead of the embedded one.
    pub fn actor_dictionary(mut self, dictionary: &'static ActorDictionary) -> Self {
        self.actors = Some(dictionary);
        self
    }

    /// Proposes updates against `kb` instead of the embedded knowledge base
    /// (say the embedded facts plus the accepted updates,
    /// [`crate::knowledge::CurrentKnowledge`]).
    pub fn knowledge_base(mut self, kb: Arc<KnowledgeBase>) -> Self {
        self.knowledge = Some(kb);
        self
    }

    /// With `false`, a panic inside a stage is not turned into a
    /// [`Failure`] but goes through to the caller: for fuzzing, where the
    /// panic is the finding. On by default.
    pub fn failure_boundary(mut self, on: bool) -> Self {
        self.failure_boundary = on;
        self
    }

    /// Starts decoding the syntax model (the largest of the embedded models,
    /// decoded lazily on first use) on a background thread when built, so a
    /// caller overlaps it with its own start-up. Off by default.
    pub fn preload_models(mut self, on: bool) -> Self {
        self.preload = on;
        self
    }

    /// Loads what is not loaded yet (the embedded dictionaries and knowledge
    /// base are parsed once per process and shared by every pipeline).
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        if self.preload {
            preload_models();
        }
        let knowledge = match self.knowledge {
            Some(kb) => Knowledge::Shared(kb),
            None => Knowledge::Embedded(KnowledgeBase::embedded()?),
        };
        Ok(Pipeline {
            actors: self.actors.unwrap_or_else(ActorDictionary::embedded),
            knowledge,
            failure_boundary: self.failure_boundary,
        })
    }
}

#[derive(Debug, Clone)]
enum Knowledge {
    Embedded(&'static KnowledgeBase),
    Shared(Arc<KnowledgeBase>),
}

impl Knowledge {
    fn get(&self) -> &KnowledgeBase {
        match self {
            Knowledge::Embedded(kb) => kb,
            Knowledge::Shared(kb) => kb,
        }
    }
}

/// The per-document pipeline: clean → annotate → code → proposed updates,
/// each stage behind a failure boundary. Built once ([`Pipeline::builder`]),
/// shared read-only by any number of threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    actors: &'static ActorDictionary,
    knowledge: Knowledge,
    failure_boundary: bool,
}

/// What [`Pipeline::process_batch`] did with one batch.
#[derive(Debug, Default)]
pub struct BatchReport {
    /// The records given to the sink, in input order.
    pub records: Vec<DocumentRecord>,
    /// Documents that gave no record, in input order (those that failed
    /// cleaning first).
    pub failures: Vec<Failure>,
    /// Documents not coded because the sink already held them.
    pub already: usize,
    /// What the sink wrote.
    pub written: Written,
}

impl Pipeline {
    /// A builder over the embedded models and knowledge base.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            actors: None,
            knowledge: None,
            failure_boundary: true,
            preload: false,
        }
    }

    /// The pipeline over the embedded models and knowledge base.
    pub fn embedded() -> Result<Pipeline, PipelineError> {
        Pipeline::builder().build()
    }

    /// The knowledge base updates are proposed against.
    pub fn knowledge_base(&self) -> &KnowledgeBase {
        self.knowledge.get()
    }

    /// One document through every stage. The raw input is freed once it is
    /// cleaned, before the costlier stages run.
    pub fn process(&self, raw: RawDocument) -> DocumentResult {
        let document = self.clean(&raw)?;
        drop(raw);
        self.code(document)
    }

    /// Cleans one raw document; an empty result is a failure naming the input.
    pub fn clean(&self, raw: &RawDocument) -> Result<Document, Failure> {
        clean_guarded(self.failure_boundary, raw)
    }

    /// Annotates and codes a cleaned document: actor mentions as of its
    /// publication date, then events, quotations and deployments, then the
    /// knowledge-base updates its events propose.
    pub fn code(&self, document: Document) -> DocumentResult {
        let mentions = self.annotate(&document)?;
        self.code_annotated(document, mentions)
    }

    /// The actor mentions of a cleaned document, resolved as of its
    /// publication date.
    pub fn annotate(&self, document: &Document) -> Result<Vec<Mention>, Failure> {
        guarded(self.failure_boundary, Stage::Annotate, || {
            self.resolver()
                .find_mentions(&document.text, document.published)
        })
        .map_err(|reason| Failure {
            origin: document.origin.to_string(),
            reason,
        })
    }

    /// [`Pipeline::code`] after [`Pipeline::annotate`]: events, quotations
    /// and deployments, then the knowledge-base updates the events propose.
    pub fn code_annotated(&self, document: Document, mentions: Vec<Mention>) -> DocumentResult {
        let catch = self.failure_boundary;
        let fail = |reason| Failure {
            origin: document.origin.to_string(),
            reason,
        };
        let coded = guarded(catch, Stage::Code, || {
            fault::inject(&document.text);
            entente_code::code_document(&document, &mentions)
        })
        .map_err(fail)?;
        let updates = guarded(catch, Stage::ProposeUpdates, || {
            proposed_updates(self.knowledge.get(), &document, &coded.events)
        })
        .map_err(fail)?;
        let spans = guarded(catch, Stage::Annotate, || text_spans(&document)).map_err(fail)?;
        let mut record = DocumentRecord {
            document,
            mentions,
            events: coded.events,
            quotations: coded.quotations,
            deployments: coded.deployments,
            updates,
            spans: Some(spans),
        };
        record.number_events();
        Ok(record)
    }

    /// Annotates and codes a bare text, with no cleaning, no failure
    /// boundary and no proposed updates: what scoring a coder against gold
    /// sentences needs. `id` names the text in the records.
    pub fn code_text(
        &self,
        id: &str,
        text: &str,
        published: Option<chrono::NaiveDate>,
    ) -> (Vec<Mention>, CodedDocument) {
        let mentions = self.resolver().find_mentions(text, published);
        let coded = entente_code::code_text(id, text, published, &mentions);
        (mentions, coded)
    }

    /// A batch of documents on all cores into `sink`: each cleaned; those
    /// the sink already holds skipped before the costlier stages; the rest
    /// annotated and coded, then written in one call to the sink. A document
    /// that fails costs only itself; a sink that fails stops the batch.
    pub fn process_batch(
        &self,
        raws: Vec<RawDocument>,
        sink: &mut dyn Sink,
    ) -> Result<BatchReport, SinkError> {
        let mut report = BatchReport::default();
        let cleaned: Vec<_> = raws.par_iter().map(|raw| self.clean(raw)).collect();
        // The raw inputs are not needed once cleaned: free them before coding.
        drop(raws);
        let mut fresh = Vec::with_capacity(cleaned.len());
        for doc in cleaned {
            match doc {
                Ok(doc) if sink.contains(&doc.id)? => {
                    tracing::debug!(id = %doc.id, origin = %doc.origin, "already stored");
                    report.already += 1;
                }
                Ok(doc) => fresh.push(doc),
                Err(e) => report.failures.push(e),
            }
        }
        let coded: Vec<_> = fresh.into_par_iter().map(|doc| self.code(doc)).collect();
        report.records.reserve(coded.len());
        for record in coded {
            match record {
                Ok(record) => report.records.push(record),
                Err(e) => report.failures.push(e),
            }
        }
        report.written = sink.write_batch(&report.records)?;
        Ok(report)
    }

    fn resolver(&self) -> ActorResolver<'static> {
        ActorResolver::new(self.actors)
    }
}

/// [`Pipeline::clean`] without a pipeline: cleaning needs no models.
pub(crate) fn clean_guarded(catch: bool, raw: &RawDocument) -> Result<Document, Failure> {
    let origin = || raw.origin.to_string();
    let doc =
        guarded(catch, Stage::Clean, || entente_clean::clean(raw)).map_err(|reason| Failure {
            origin: origin(),
            reason,
        })?;
    if doc.paragraphs.is_empty() {
        return Err(Failure {
            origin: origin(),
            reason: Reason::NoContent {
                dropped: doc.dropped.len(),
            },
        });
    }
    Ok(doc)
}

/// Starts loading the syntax model (the largest of the embedded models,
/// decoded lazily on first use) on a background thread, so that a command
/// that will code documents overlaps the decoding with its own start-up
/// (reading input, cleaning). Calling it again, or using the model before
/// the thread is done, is harmless: the model is decoded once.
pub fn preload_models() {
    // If no thread can be spawned, the model loads on first use instead.
    let _ = std::thread::Builder::new()
        .name("entente-preload".into())
        .spawn(|| {
            entente_annotate::syntax::Syntax::embedded();
        });
}

/// The dates (resolved against the publication date, so none without one)
/// and quantities of the text, stored so that readers need not find them
/// again (and found by readers of documents stored without them).
pub fn text_spans(document: &Document) -> TextSpans {
    let dates = document
        .published
        .map(|p| entente_annotate::dates::find_dates(&document.text, p))
        .unwrap_or_default()
        .into_iter()
        .map(|t| DateSpan {
            span: t.span,
            date: t.date,
            precision: t.precision,
        })
        .collect();
    let quantities = entente_annotate::quantities::find_quantities(&document.text)
        .into_iter()
        .map(|q| QuantitySpan {
            span: q.span,
            value: q.value,
        })
        .collect();
    TextSpans { dates, quantities }
}
