//! Reading the inputs of a command: every document, every error reported,
//! with a progress bar over the input bytes.

use crate::args::InputArgs;
use crate::output::progress;
use crate::Outcome;
use entente_core::RawDocument;
use entente_ingest::{list_inputs, read_inputs, IngestError, IngestOptions};
use indicatif::ProgressBar;

/// The documents of the inputs, in order. Errors are reported on stderr
/// as they come and counted; they never stop the reading.
pub struct Inputs {
    documents: entente_ingest::Documents,
    bar: ProgressBar,
    current: Option<String>,
    current_bytes: u64,
    /// Bytes of the inputs finished before the current one.
    done_bytes: u64,
    /// How many inputs or records failed.
    pub failed: usize,
}

impl Inputs {
    pub fn open(args: &InputArgs, quiet: bool) -> Inputs {
        let inputs = list_inputs(&args.paths);
        let total: u64 = inputs
            .iter()
            .filter_map(|i| i.as_ref().ok().and_then(|i| i.bytes))
            .sum();
        let opts = IngestOptions {
            published: args.published,
            ..IngestOptions::default()
        };
        Inputs {
            documents: read_inputs(inputs, &opts),
            bar: progress(total, quiet),
            current: None,
            current_bytes: 0,
            done_bytes: 0,
            failed: 0,
        }
    }

    /// Reports a failure of one document that was read but could not be
    /// used (no content left after cleaning, say).
    pub fn report(&mut self, what: impl std::fmt::Display) {
        self.failed += 1;
        self.bar.suspend(|| eprintln!("error: {what}"));
    }

    fn report_ingest(&mut self, err: IngestError) {
        self.report(err);
    }

    /// Moves the bar to the bytes read so far: every finished input, and
    /// what was read of the current one.
    fn track_progress(&mut self) {
        let Some(input) = self.documents.current_input() else {
            return;
        };
        if self.current.as_deref() != Some(input.name.as_str()) {
            self.done_bytes += self.current_bytes;
            self.current = Some(input.name.clone());
            self.current_bytes = input.bytes.unwrap_or(0);
            self.bar.set_message(input.name.clone());
        }
        let within = self.documents.current_bytes_read().min(self.current_bytes);
        self.bar.set_position(self.done_bytes + within);
    }

    /// Clears the progress bar; the outcome is `SomeFailed` when any
    /// input or record failed.
    pub fn finish(&self) -> Outcome {
        self.bar.finish_and_clear();
        if self.failed > 0 {
            Outcome::SomeFailed
        } else {
            Outcome::Success
        }
    }
}

impl Iterator for Inputs {
    type Item = RawDocument;

    fn next(&mut self) -> Option<RawDocument> {
        loop {
            let item = self.documents.next()?;
            self.track_progress();
            match item {
                Ok(doc) => return Some(doc),
                Err(e) => self.report_ingest(e),
            }
        }
    }
}
