//! What every request shares: store connections, the knowledge base and
//! the posting settings. Events are not held here: every event query reads
//! the store, so memory stays flat as the store grows and a posted
//! document is served as soon as its transaction commits.

use crate::config::{Pipeline, ServeConfig, Timeouts};
use crate::error::{ApiError, ServeError};
use entente_know::KnowledgeBase;
use entente_pipeline::knowledge::{KnowledgeError, LiveKnowledge};
use entente_store::{EventFilter, EventGeneration, EventTotals, Store};
use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Semaphore;

/// How many aggregates [`AppState::aggregate`] keeps; beyond, it forgets
/// them all (a UI asks the same few again and again).
const KEPT_AGGREGATES: usize = 256;

/// What an aggregate was asked for: its kind, its filter, anything else.
type AggregateKey = (&'static str, EventFilter, String);

/// A kept aggregate, of the type its kind counts.
type Kept = Arc<dyn Any + Send + Sync>;

/// The shared state of the server; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    readers: Vec<Mutex<Store>>,
    next_reader: AtomicUsize,
    /// One permit per reader. A request waits here, first come first
    /// served, rather than on a reader's lock, which wakes waiters in no
    /// order (under load some waited hundreds of milliseconds while others
    /// went by) and holds a blocking thread per waiting request.
    read_permits: Arc<Semaphore>,
    /// One permit: at most one aggregate is counted at a time. Counting may
    /// read every event and take seconds; the other readers go on serving
    /// pages meanwhile.
    aggregating: Semaphore,
    /// Aggregates already counted, each with the store's generation it
    /// counts: asked again while the events are the same, they are not
    /// counted again. At most [`KEPT_AGGREGATES`].
    aggregates: Mutex<HashMap<AggregateKey, (EventGeneration, Kept)>>,
    /// Present only when a token is set (posting documents, deciding
    /// updates). Held by one write at a time; never by reads, which use their own connections
    /// (WAL: they see the last commit, and a write never blocks them).
    writer: Option<Mutex<Store>>,
    /// How many events the store held when last counted ([`AppState::refresh`]).
    seen_events: AtomicU64,
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
    /// one only when a token allows writing (posting needs a pipeline too).
    ///
    /// Opening blocks (it connects and reads the store): in async code,
    /// prefer `spawn_blocking`. Over a PostgreSQL store it is safe on any
    /// thread, the store steps off an async runtime's thread before its
    /// client blocks; requests read the store on blocking threads anyway.
    pub fn open(config: &ServeConfig) -> Result<AppState, ServeError> {
        let store_err = |source| ServeError::Store {
            path: entente_store::display_path(&config.db),
            source,
        };
        // One cache of totals for all readers: the second page of a filter
        // is not counted again, whichever connection serves it.
        let totals = Arc::new(EventTotals::default());
        let mut readers = Vec::with_capacity(config.readers.max(1));
        for _ in 0..config.readers.max(1) {
            let mut reader = Store::open_read_only(&config.db).map_err(store_err)?;
            reader.share_totals(Arc::clone(&totals));
            readers.push(reader);
        }
        let writer = if config.token.is_some() {
            Some(Store::open(&config.db).map_err(store_err)?)
        } else {
            None
        };
        let events = readers[0]
            .total_events(&EventFilter::default())
            .map_err(store_err)?;
        let kb = LiveKnowledge::load(&readers[0]).map_err(|e| match e {
            KnowledgeError::Store(e) => store_err(e),
            KnowledgeError::Embedded(e) => ServeError::from(e),
        })?;
        tracing::info!(
            "serving {} events from {}",
            events,
            entente_store::display_path(&config.db).display()
        );
        let readers_len = readers.len();
        Ok(AppState {
            inner: Arc::new(Inner {
                readers: readers.into_iter().map(Mutex::new).collect(),
                next_reader: AtomicUsize::new(0),
                read_permits: Arc::new(Semaphore::new(readers_len)),
                aggregating: Semaphore::new(1),
                aggregates: Mutex::default(),
                writer: writer.map(Mutex::new),
                seen_events: AtomicU64::new(events),
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
        let permit = Arc::clone(&self.inner.read_permits)
            .acquire_owned()
            .await
            .map_err(|e| ApiError::internal(format!("no read connection: {e}")))?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            // With a permit, some reader is free.
            let store = state.reader();
            let out = f(&store);
            drop(store);
            drop(permit);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("request task failed: {e}")))?
    }

    /// The aggregate `kind` of the events `filter` selects (`extra` says
    /// anything else it depends on), as `count` counts it: kept from the
    /// last time it was asked while the store's events are the same, else
    /// counted (one aggregate at a time) and kept.
    pub(crate) async fn aggregate<T, F>(
        &self,
        kind: &'static str,
        filter: EventFilter,
        extra: String,
        count: F,
    ) -> Result<Arc<T>, ApiError>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&Store, &EventFilter) -> Result<T, ApiError> + Send + 'static,
    {
        let key = (kind, filter, extra);
        let (state, k) = (self.clone(), key.clone());
        let kept = self
            .read(move |store| Ok(state.kept::<T>(&k, store.event_generation()?)))
            .await?;
        if let Some(kept) = kept {
            return Ok(kept);
        }
        let _one = self
            .inner
            .aggregating
            .acquire()
            .await
            .map_err(|e| ApiError::internal(format!("cannot count: {e}")))?;
        let state = self.clone();
        self.read(move |store| {
            let before = store.event_generation()?;
            // Counted meanwhile by the request that held the permit.
            if let Some(kept) = state.kept::<T>(&key, before) {
                return Ok(kept);
            }
            let counted = Arc::new(count(store, &key.1)?);
            // Kept only when no event came or went while counting.
            if store.event_generation()? == before {
                let mut kept = state.aggregates();
                if kept.len() >= KEPT_AGGREGATES {
                    kept.clear();
                }
                let any: Kept = counted.clone();
                kept.insert(key, (before, any));
            }
            Ok(counted)
        })
        .await
    }

    fn kept<T: Send + Sync + 'static>(
        &self,
        key: &AggregateKey,
        now: EventGeneration,
    ) -> Option<Arc<T>> {
        let kept = self.aggregates();
        let (generation, value) = kept.get(key)?;
        (*generation == now)
            .then(|| Arc::clone(value).downcast::<T>().ok())
            .flatten()
    }

    fn aggregates(&self) -> MutexGuard<'_, HashMap<AggregateKey, (EventGeneration, Kept)>> {
        // A panic while holding it leaves whole entries.
        self.inner
            .aggregates
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Whether the store holds a different number of events than when
    /// last counted (another process ran `entente run`, or a document was
    /// posted). Nothing needs reloading: every event query reads the store.
    /// The server calls it now and then to log the change.
    pub async fn refresh(&self) -> Result<bool, ApiError> {
        let state = self.clone();
        self.read(move |store| {
            // The kept total: counting a million events every few seconds
            // would hold a reader for milliseconds each time.
            let now = store.total_events(&EventFilter::default())?;
            let before = state.inner.seen_events.swap(now, Ordering::Relaxed);
            if now != before {
                tracing::info!("store changed: now serving {now} events");
            }
            Ok(now != before)
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

    /// The writing connection, when a token is set. Whoever holds it
    /// is the only one in this process to change the store.
    pub(crate) fn writer(&self) -> Option<MutexGuard<'_, Store>> {
        self.inner
            .writer
            .as_ref()
            .map(|w| w.lock().unwrap_or_else(|p| p.into_inner()))
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
