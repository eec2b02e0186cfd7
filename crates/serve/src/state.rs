//! What every request shares: store connections, the event index, the
//! knowledge base and the posting settings.

use crate::config::{Pipeline, ServeConfig, Timeouts};
use crate::error::{ApiError, ServeError};
use crate::index::EventIndex;
use entente_know::KnowledgeBase;
use entente_pipeline::knowledge::{KnowledgeError, LiveKnowledge};
use entente_store::Store;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

/// The shared state of the server; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    readers: Vec<Mutex<Store>>,
    next_reader: AtomicUsize,
    /// Present only when posting is enabled. Held by one posted document's
    /// write and index update at a time, and by a refresh; never by reads,
    /// which use their own connections (WAL: they see the last commit).
    writer: Option<Mutex<Store>>,
    /// Replaced whole, never changed in place: a reader takes the current
    /// index and lets go of the lock at once, so an update being built
    /// never holds it up.
    index: RwLock<Arc<EventIndex>>,
    /// The knowledge base with the store's accepted updates applied, as the
    /// command line builds it: rebuilt when they change (another process
    /// ran `entente updates accept` or `reopen`).
    kb: LiveKnowledge,
    token: Option<String>,
    pipeline: Option<Pipeline>,
    body_limit: usize,
    allow_hosts: Vec<String>,
    timeouts: Timeouts,
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
        let kb = LiveKnowledge::load(&readers[0]).map_err(|e| match e {
            KnowledgeError::Store(e) => store_err(e),
            KnowledgeError::Embedded(e) => ServeError::from(e),
        })?;
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
                index: RwLock::new(Arc::new(index)),
                kb,
                token: config.token.clone(),
                pipeline: config.pipeline.clone(),
                body_limit: config.body_limit,
                allow_hosts: config.allow_hosts.clone(),
                timeouts: config.timeouts,
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
        let state = self.clone();
        self.read(move |store| {
            // No document is posted meanwhile, whose events `fresh` would
            // hold and its POST add again. Reads go on.
            let _posting = state.writer();
            let indexed = state.index().len() as u64;
            if store.counts()?.events == indexed {
                return Ok(false);
            }
            let fresh = EventIndex::load(store)?;
            tracing::info!("store changed: now serving {} events", fresh.len());
            state.replace_index(fresh);
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

    /// The writing connection, when posting is enabled. Whoever holds it
    /// is the only one to change the store or the index.
    pub(crate) fn writer(&self) -> Option<MutexGuard<'_, Store>> {
        self.inner
            .writer
            .as_ref()
            .map(|w| w.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// The event index as of now; later updates replace it and leave
    /// this one as it is.
    pub fn index(&self) -> Arc<EventIndex> {
        Arc::clone(&self.inner.index.read().unwrap_or_else(|p| p.into_inner()))
    }

    /// Serves `index` from now on; call it holding [`AppState::writer`].
    pub(crate) fn replace_index(&self, index: EventIndex) {
        let index = Arc::new(index);
        let old = std::mem::replace(
            &mut *self.inner.index.write().unwrap_or_else(|p| p.into_inner()),
            index,
        );
        // The old index, when no request holds it any more, is freed here,
        // outside the lock.
        drop(old);
    }

    /// The knowledge base as last loaded, accepted updates applied.
    pub fn knowledge(&self) -> Arc<KnowledgeBase> {
        self.inner.kb.get()
    }

    /// The knowledge base with the updates accepted in the store now: the
    /// one last loaded while they are the same, else a rebuilt one. An
    /// acceptance thus changes every knowledge-base answer of the API, as it
    /// does the command line's.
    pub async fn fresh_knowledge(&self) -> Result<Arc<KnowledgeBase>, ApiError> {
        let state = self.clone();
        self.read(move |store| {
            state.inner.kb.refresh(store).map_err(|e| match e {
                KnowledgeError::Store(e) => ApiError::from(e),
                KnowledgeError::Embedded(e) => ApiError::internal(format!("knowledge base: {e}")),
            })
        })
        .await
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

    pub(crate) fn allow_hosts(&self) -> &[String] {
        &self.inner.allow_hosts
    }

    pub(crate) fn timeouts(&self) -> Timeouts {
        self.inner.timeouts
    }
}
