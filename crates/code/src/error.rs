//! Errors of loading the coding dictionaries and the gold files.

/// A dictionary or gold file that cannot be read. Names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("{file}:{line}: {message}")]
    Malformed {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Json { file: String, message: String },
}

impl DictionaryError {
    pub(crate) fn malformed(file: &str, line: usize, message: impl Into<String>) -> Self {
        DictionaryError::Malformed {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
