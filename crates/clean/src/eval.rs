//! The extraction metric of the article-extraction benchmark
//! (scrapinghub's layout: `ground-truth.json` with an `articleBody` per
//! page id, the pages in `html/ID.html.gz`).
//!
//! Each page is scored on word 4-gram multisets: words are the lowercased
//! runs of letters, digits and underscores; precision is
//! `|pred ∩ gold| / |pred|`, recall `|pred ∩ gold| / |gold|`. Precision and
//! recall are averaged over pages, a page with an empty prediction counting
//! for recall only; F1 is the harmonic mean of the two averages.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Words per shingle.
pub const NGRAM: usize = 4;

/// One page's match counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageScore {
    /// Shingles in both prediction and gold (multiset intersection).
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl PageScore {
    /// `None` for an empty prediction, which counts for recall only.
    pub fn precision(&self) -> Option<f64> {
        (self.predicted > 0).then(|| self.matched as f64 / self.predicted as f64)
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            return if self.predicted == 0 { 1.0 } else { 0.0 };
        }
        self.matched as f64 / self.gold as f64
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision().unwrap_or(0.0), self.recall())
    }
}

/// Averages over pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ExtractionScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub pages: usize,
}

impl fmt::Display for ExtractionScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "precision {:.4}  recall {:.4}  F1 {:.4}  ({} pages)",
            self.precision, self.recall, self.f1, self.pages
        )
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The benchmark's words: lowercased runs of alphanumerics and `_`.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The multiset of word 4-grams (a text of fewer words is one shingle).
fn shingles(text: &str) -> HashMap<String, usize> {
    let w = words(text);
    let mut out = HashMap::new();
    if w.is_empty() {
        return out;
    }
    let n = w.len().saturating_sub(NGRAM - 1).max(1);
    for i in 0..n {
        let end = (i + NGRAM).min(w.len());
        *out.entry(w[i..end].join(" ")).or_insert(0) += 1;
    }
    out
}

/// Scores one page.
pub fn score_page(gold: &str, predicted: &str) -> PageScore {
    let g = shingles(gold);
    let p = shingles(predicted);
    let matched = p
        .iter()
        .map(|(k, &n)| n.min(g.get(k).copied().unwrap_or(0)))
        .sum();
    PageScore {
        matched,
        predicted: p.values().sum(),
        gold: g.values().sum(),
    }
}

/// Averages page scores the benchmark's way.
pub fn aggregate(pages: &[PageScore]) -> ExtractionScore {
    let precisions: Vec<f64> = pages.iter().filter_map(PageScore::precision).collect();
    let precision = if precisions.is_empty() {
        0.0
    } else {
        precisions.iter().sum::<f64>() / precisions.len() as f64
    };
    let recall = if pages.is_empty() {
        0.0
    } else {
        pages.iter().map(PageScore::recall).sum::<f64>() / pages.len() as f64
    };
    ExtractionScore {
        precision,
        recall,
        f1: f1(precision, recall),
        pages: pages.len(),
    }
}

/// What went wrong reading a benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalErrorKind {
    /// A file could not be read.
    Io,
    /// The ground truth is not JSON of the benchmark's shape.
    GroundTruth,
}

/// An error reading a benchmark, naming the file.
#[derive(Debug)]
pub struct EvalError {
    kind: EvalErrorKind,
    path: PathBuf,
    message: String,
}

impl EvalError {
    pub fn kind(&self) -> EvalErrorKind {
        self.kind
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for EvalError {}

/// One page of a benchmark run.
#[derive(Debug, Clone, PartialEq)]
pub struct PageResult {
    pub id: String,
    pub score: PageScore,
}

/// A whole benchmark run: every page, and the averages.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkRun {
    pub pages: Vec<PageResult>,
    pub score: ExtractionScore,
}

impl BenchmarkRun {
    /// The `n` pages with the lowest F1, worst first.
    pub fn worst(&self, n: usize) -> Vec<&PageResult> {
        let mut v: Vec<&PageResult> = self.pages.iter().collect();
        v.sort_by(|a, b| a.score.f1().total_cmp(&b.score.f1()));
        v.truncate(n);
        v
    }
}

/// Reads `ground-truth.json`: page id → gold article body, sorted by id.
pub fn read_ground_truth(path: &Path) -> Result<Vec<(String, String)>, EvalError> {
    let err = |kind, message: String| EvalError {
        kind,
        path: path.to_path_buf(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| err(EvalErrorKind::Io, e.to_string()))?;
    let json: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| err(EvalErrorKind::GroundTruth, e.to_string()))?;
    let obj = json.as_object().ok_or_else(|| {
        err(
            EvalErrorKind::GroundTruth,
            "expected an object of page ids".into(),
        )
    })?;
    let mut out: Vec<(String, String)> = obj
        .iter()
        .map(|(id, v)| {
            let body = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
            (id.clone(), body.to_string())
        })
        .collect();
    out.sort();
    Ok(out)
}

/// The page file of `id` in `html_dir`: `ID.html.gz` or `ID.html`.
fn page_path(html_dir: &Path, id: &str) -> PathBuf {
    let gz = html_dir.join(format!("{id}.html.gz"));
    if gz.exists() {
        gz
    } else {
        html_dir.join(format!("{id}.html"))
    }
}

/// Runs a benchmark: for every page of the ground truth, reads its file
/// (gunzipped when `.gz`) and scores what `extract` makes of its bytes.
pub fn run_benchmark<F>(
    ground_truth: &Path,
    html_dir: &Path,
    mut extract: F,
) -> Result<BenchmarkRun, EvalError>
where
    F: FnMut(&[u8]) -> String,
{
    let gold = read_ground_truth(ground_truth)?;
    let mut pages = Vec::with_capacity(gold.len());
    for (id, body) in gold {
        let path = page_path(html_dir, &id);
        let bytes = std::fs::read(&path).map_err(|e| EvalError {
            kind: EvalErrorKind::Io,
            path: path.clone(),
            message: e.to_string(),
        })?;
        let bytes = crate::decode::gunzip(&bytes);
        let predicted = extract(&bytes);
        pages.push(PageResult {
            id,
            score: score_page(&body, &predicted),
        });
    }
    let scores: Vec<PageScore> = pages.iter().map(|p| p.score).collect();
    Ok(BenchmarkRun {
        score: aggregate(&scores),
        pages,
    })
}

/// What the clean stage extracts from an HTML page's bytes: the cleaned
/// text. The usual `extract` for [`run_benchmark`].
pub fn clean_html_bytes(bytes: &[u8]) -> String {
    let raw = entente_core::RawDocument {
        origin: entente_core::Origin::file("-"),
        external_id: None,
        url: None,
        title: None,
        published: None,
        source: None,
        content: entente_core::Content::Html(crate::decode::decode_html(bytes)),
    };
    crate::clean(&raw).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_like_the_benchmark() {
        assert_eq!(
            words("Hello, World! it's 2022_x"),
            ["hello", "world", "it", "s", "2022_x"]
        );
    }

    #[test]
    fn perfect_and_partial() {
        let s = score_page("a b c d e", "a b c d e");
        assert_eq!((s.matched, s.predicted, s.gold), (2, 2, 2));
        assert_eq!(s.precision(), Some(1.0));
        let s = score_page("a b c d e f", "a b c d x y");
        assert_eq!(s.matched, 1);
        assert_eq!(s.recall(), 1.0 / 3.0);
    }

    #[test]
    fn multiset_counts() {
        let s = score_page("a b c d a b c d", "a b c d");
        assert_eq!((s.matched, s.predicted, s.gold), (1, 1, 5));
    }

    #[test]
    fn short_text_is_one_shingle() {
        assert_eq!(score_page("a b", "A, b!").matched, 1);
    }

    #[test]
    fn empty_prediction_counts_for_recall_only() {
        let pages = [score_page("a b c d", "a b c d"), score_page("a b c d", "")];
        let agg = aggregate(&pages);
        assert_eq!(agg.precision, 1.0);
        assert_eq!(agg.recall, 0.5);
        assert!((agg.f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(agg.pages, 2);
    }
}
