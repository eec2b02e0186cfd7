//! What every request shares: store connections, the event index, the
//! knowledge base and the posting settings.

use crate::config::{Pipeline, ServeConfig};
use crate::error::{ApiError, ServeError};
use crate::index::EventIndex;
use entente_know::KnowledgeBase;
use entente_store::Store;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// The shared state of the server; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    readers: Vec<Mutex<Store>>,
    next_reader: AtomicUsize,
    /// Present only when posting is enabled.
    writer: Option<Mutex<Store>>,
    index: RwLock<EventIndex>,
    kb: &'static KnowledgeBase,
    token: Option<String>,
    pipeline: Option<Pipeline>,
    body_limit: usize,
}

impl AppState {
    /// Opens the store of `config`: read-only connections, plus a writing
    /// one only when a token and a pipeline allow posting.
    pub fn open(config: &ServeConfig) -> Result<AppState, ServeError> {
        let store_err = |source| ServeError::Store {
            path: config.db.clone(),
            source,
        };
        let mut readers = Vec::with_capacity(config.readers.max(1));
        for _ in 0..config.readers.max(1) {
            readers.push(Store::open_read_only(&config.db).map_err(store_err)?);
        }
        let posting = config.token.is_some() && config.pipeline.is_some();
        let writer = if posting {
            Some(Store::open(&config.db).map_err(store_err)?)
        } else {
            None
        };
        let index = EventIndex::load(&readers[0]).map_err(store_err)?;
        tracing::info!(
            "serving {} events from {}",
            index.len(),
            config.db.display()
        );
        Ok(AppState {
            inner: Arc::new(Inner {
                readers: readers.into_iter().map(Mutex::new).collect(),
                next_reader: AtomicUsize::new(0),
                writer: writer.map(Mutex::new),
                index: RwLock::new(index),
                kb: KnowledgeBase::embedded()?,
                token: config.token.clone(),
                pipeline: config.pipeline.clone(),
                body_limit: config.body_limit,
            }),
        })
    }

    /// Runs `f` with a read connection, off the async workers.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.reader();
            f(&store)
        })
        .await
        .map_err(|e| ApiError::internal(format!("request task failed: {e}")))?
    }

    /// Reloads the event index when the store holds a different number of
    /// events than it does (another process ran `entente run`); whether it
    /// reloaded.
    pub async fn refresh(&self) -> Result<bool, ApiError> {
        let indexed = self.index().len() as u64;
        let state = self.clone();
        self.read(move |store| {
            if store.counts()?.events == indexed {
                return Ok(false);
            }
            let fresh = EventIndex::load(store)?;
            let mut index = state.index_mut();
            // A document posted meanwhile may be missing from `fresh`: keep
            // the index, and look again next time.
            if index.len() as u64 != indexed {
                return Ok(false);
            }
            tracing::info!("store changed: now serving {} events", fresh.len());
            *index = fresh;
            Ok(true)
        })
        .await
    }

    /// Any idle read connection, or the next in turn.
    fn reader(&self) -> MutexGuard<'_, Store> {
        let n = self.inner.readers.len();
        let start = self.inner.next_reader.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(guard) = self.inner.readers[(start + i) % n].try_lock() {
                return guard;
            }
        }
        // A poisoned lock still holds a usable connection: a panic
        // mid-read leaves no half-written state.
        self.inner.readers[start % n]
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// The writing connection, when posting is enabled.
    pub(crate) fn writer(&self) -> Option<MutexGuard<'_, Store>> {
        self.inner
            .writer
            .as_ref()
            .map(|w| w.lock().unwrap_or_else(|p| p.into_inner()))
    }

    pub fn index(&self) -> RwLockReadGuard<'_, EventIndex> {
        self.inner.index.read().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn index_mut(&self) -> RwLockWriteGuard<'_, EventIndex> {
        self.inner.index.write().unwrap_or_else(|p| p.into_inner())
    }

    pub fn knowledge(&self) -> &'static KnowledgeBase {
        self.inner.kb
    }

    pub(crate) fn token(&self) -> Option<&str> {
        self.inner.token.as_deref()
    }

    pub(crate) fn pipeline(&self) -> Option<&Pipeline> {
        self.inner.pipeline.as_ref()
    }

    pub(crate) fn body_limit(&self) -> usize {
        self.inner.body_limit
    }
}
