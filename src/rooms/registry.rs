//! The rooms of this server, in memory: projectors waiting with a pairing code, paired
//! rooms with their state channel, and the one-time claims that turn a confirmed code
//! into the projector's secret.
//!
//! Pairing, step by step:
//! 1. A projector's socket opens a *screen* and shows its code (renewed when it expires).
//! 2. The trainer types the code on the phone: [`Rooms::confirm`] spends it, makes the
//!    room and hands the waiting screen a one-time claim (over its socket only).
//! 3. The projector trades the claim for its secret ([`Rooms::claim`]), which it keeps as
//!    an HttpOnly cookie; from then on the secret alone binds it to the room.
//!
//! Kept in memory on purpose: a room lives for one session in front of a group, and a
//! restart only means pairing again. Secrets and claims are stored as SHA-256 hashes.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use tokio::sync::{oneshot, watch};

use super::pairing_code;
use super::settings::RoomSettings;
use super::state::RoomState;
use crate::accounts::random_token;
use crate::accounts::rate_limit::LoginLimiter;

/// A claim must be traded for the secret soon after pairing.
const CLAIM_LIFETIME: Duration = Duration::from_secs(60);
/// No room outlives a long working day, connected or not.
const ROOM_MAX_AGE: Duration = Duration::from_secs(14 * 3600);
/// Screens waiting for a code at once, in all and from one address: codes are few
/// characters, so the number of live ones is what keeps guessing hopeless.
const MAX_SCREENS: usize = 500;
const MAX_SCREENS_PER_ADDRESS: usize = 20;

type Hash = [u8; 32];

fn hash(token: &str) -> Hash {
    Sha256::digest(token.as_bytes()).into()
}

/// A paired room: one trainer, one projector, any number of the trainer's phones.
pub struct Room {
    /// Random and opaque: it appears in the remote's URL.
    pub id: String,
    pub trainer_id: i64,
    pub paired_at: DateTime<Utc>,
    created: Instant,
    state: watch::Sender<RoomState>,
    /// (group, lesson, learner) already credited from this room: saving twice counts once.
    credited: Mutex<HashSet<(i64, i64, i64)>>,
    connections: AtomicUsize,
    projectors: AtomicUsize,
    last_active: Mutex<Instant>,
}

impl Room {
    fn new(trainer_id: i64, now: Instant) -> Room {
        Room {
            id: random_token()[..16].to_owned(),
            trainer_id,
            paired_at: Utc::now(),
            created: now,
            state: watch::channel(RoomState::new(now)).0,
            credited: Mutex::new(HashSet::new()),
            connections: AtomicUsize::new(0),
            projectors: AtomicUsize::new(0),
            last_active: Mutex::new(now),
        }
    }

    /// A receiver of every change; it sees the current state first.
    pub fn subscribe(&self) -> watch::Receiver<RoomState> {
        let mut rx = self.state.subscribe();
        rx.mark_changed();
        rx
    }

    pub fn snapshot(&self) -> RoomState {
        self.state.borrow().clone()
    }

    /// Applies `change`; everyone connected is told only if it returns true.
    pub fn update<T: Default>(&self, change: impl FnOnce(&mut RoomState) -> (bool, T)) -> T {
        let mut out = None;
        self.state.send_if_modified(|state| {
            let (modified, value) = change(state);
            out = Some(value);
            modified
        });
        // send_if_modified runs the closure exactly once, so `out` is always set.
        out.unwrap_or_default()
    }

    /// The video the projector may fetch now: the current lesson's, nothing else.
    pub fn video_on_air(&self) -> Option<i64> {
        let state = self.state.borrow();
        (!state.closed).then(|| state.lesson.as_ref().map(|l| l.video_id))?
    }

    /// Of `learners`, those not yet credited for `lesson` in `group`; marks them credited.
    pub fn take_uncredited(&self, group: i64, lesson: i64, learners: &[i64]) -> Vec<i64> {
        let mut credited = lock(&self.credited);
        learners
            .iter()
            .copied()
            .filter(|learner| credited.insert((group, lesson, *learner)))
            .collect()
    }

    /// Forgets credit that could not be written, so that saving again retries it.
    pub fn forget_credit(&self, group: i64, lesson: i64, learners: &[i64]) {
        let mut credited = lock(&self.credited);
        for learner in learners {
            credited.remove(&(group, lesson, *learner));
        }
    }

    /// Counts a connection while the guard lives; a projector's also shows as connected.
    pub fn attend(self: &Arc<Self>, projector: bool, now: Instant) -> Attendance {
        self.connections.fetch_add(1, Ordering::SeqCst);
        if projector {
            self.projectors.fetch_add(1, Ordering::SeqCst);
            self.update(|s| {
                let was = std::mem::replace(&mut s.projector_connected, true);
                (!was, ())
            });
        }
        *lock(&self.last_active) = now;
        Attendance {
            room: self.clone(),
            projector,
        }
    }

    fn idle_since(&self) -> Option<Instant> {
        (self.connections.load(Ordering::SeqCst) == 0).then(|| *lock(&self.last_active))
    }

    fn close(&self) {
        self.update(|s| {
            s.closed = true;
            (true, ())
        });
    }
}

/// Held by each open socket of a room.
pub struct Attendance {
    room: Arc<Room>,
    projector: bool,
}

impl Drop for Attendance {
    fn drop(&mut self) {
        self.room.connections.fetch_sub(1, Ordering::SeqCst);
        *lock(&self.room.last_active) = Instant::now();
        if self.projector && self.room.projectors.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.room.update(|s| {
                let was = std::mem::replace(&mut s.projector_connected, false);
                (was, ())
            });
        }
    }
}

/// A projector waiting to be paired.
struct Screen {
    code: Option<(String, Instant)>,
    address: IpAddr,
    paired: Option<oneshot::Sender<String>>,
}

/// What a waiting projector holds: its number, and where its claim will arrive.
pub struct WaitingScreen {
    pub id: u64,
    pub paired: oneshot::Receiver<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PairingRefusal {
    #[error("this cannot be a pairing code")]
    Malformed,
    /// Never issued, expired, or already used: the trainer is told the same for each.
    #[error("no projector shows this code")]
    Unknown,
    #[error("too many projectors are waiting")]
    TooManyScreens,
}

impl PairingRefusal {
    pub fn message_key(self) -> &'static str {
        match self {
            PairingRefusal::Malformed => "room-error-code-malformed",
            PairingRefusal::Unknown => "room-error-code-unknown",
            PairingRefusal::TooManyScreens => "room-error-too-many-screens",
        }
    }
}

struct RoomEntry {
    room: Arc<Room>,
    secret: Option<Hash>,
}

#[derive(Default)]
struct Inner {
    screens: HashMap<u64, Screen>,
    next_screen: u64,
    rooms: HashMap<String, RoomEntry>,
    by_secret: HashMap<Hash, String>,
    claims: HashMap<Hash, (String, Instant)>,
}

pub struct Rooms {
    pub settings: RoomSettings,
    inner: Mutex<Inner>,
    /// Wrong pairing codes per trainer and per address.
    pub wrong_codes_per_trainer: LoginLimiter,
    pub wrong_codes_per_address: LoginLimiter,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

impl Rooms {
    pub fn new(settings: RoomSettings) -> Rooms {
        let window = Duration::from_secs(settings.wrong_code_window_minutes * 60);
        Rooms {
            wrong_codes_per_trainer: LoginLimiter::new(settings.wrong_codes, window),
            // A job centre's phones may share one address: more room there.
            wrong_codes_per_address: LoginLimiter::new(settings.wrong_codes * 4, window),
            settings,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub fn code_lifetime(&self) -> Duration {
        Duration::from_secs(self.settings.code_seconds.max(1))
    }

    /// Registers a projector that waits to be paired.
    pub fn open_screen(&self, address: IpAddr, now: Instant) -> Result<WaitingScreen, PairingRefusal> {
        let mut inner = lock(&self.inner);
        self.sweep(&mut inner, now);
        let from_address = inner.screens.values().filter(|s| s.address == address).count();
        if inner.screens.len() >= MAX_SCREENS || from_address >= MAX_SCREENS_PER_ADDRESS {
            return Err(PairingRefusal::TooManyScreens);
        }
        let (tx, rx) = oneshot::channel();
        inner.next_screen += 1;
        let id = inner.next_screen;
        inner.screens.insert(
            id,
            Screen {
                code: None,
                address,
                paired: Some(tx),
            },
        );
        Ok(WaitingScreen { id, paired: rx })
    }

    /// A fresh code for the screen (the old one stops working), and when it expires.
    /// `None` once the screen is paired or closed.
    pub fn new_code(&self, screen: u64, now: Instant) -> Option<(String, Instant)> {
        let mut inner = lock(&self.inner);
        let code = loop {
            let candidate = pairing_code::generate();
            let taken = inner
                .screens
                .values()
                .any(|s| s.code.as_ref().is_some_and(|(c, _)| *c == candidate));
            if !taken {
                break candidate;
            }
        };
        let expires = now + self.code_lifetime();
        let entry = inner.screens.get_mut(&screen)?;
        entry.code = Some((code.clone(), expires));
        Some((code, expires))
    }

    pub fn close_screen(&self, screen: u64) {
        lock(&self.inner).screens.remove(&screen);
    }

    /// The trainer typed `typed`: spends the code, makes the room and sends the waiting
    /// projector its claim.
    pub fn confirm(&self, typed: &str, trainer_id: i64, now: Instant) -> Result<Arc<Room>, PairingRefusal> {
        let code = pairing_code::normalize(typed).ok_or(PairingRefusal::Malformed)?;
        let mut inner = lock(&self.inner);
        self.sweep(&mut inner, now);
        let screen_id = inner
            .screens
            .iter()
            .find(|(_, s)| {
                s.code
                    .as_ref()
                    .is_some_and(|(c, until)| *c == code && *until > now)
            })
            .map(|(id, _)| *id)
            .ok_or(PairingRefusal::Unknown)?;
        let sender = inner
            .screens
            .remove(&screen_id)
            .and_then(|s| s.paired)
            .ok_or(PairingRefusal::Unknown)?;
        let room = Arc::new(Room::new(trainer_id, now));
        let claim = random_token();
        // The projector's socket went away in the meantime: no room.
        sender.send(claim.clone()).map_err(|_| PairingRefusal::Unknown)?;
        inner
            .claims
            .insert(hash(&claim), (room.id.clone(), now + CLAIM_LIFETIME));
        inner.rooms.insert(
            room.id.clone(),
            RoomEntry {
                room: room.clone(),
                secret: None,
            },
        );
        Ok(room)
    }

    /// Trades a claim (once, while fresh) for the projector's secret.
    pub fn claim(&self, claim: &str, now: Instant) -> Option<(Arc<Room>, String)> {
        let mut inner = lock(&self.inner);
        self.sweep(&mut inner, now);
        let (room_id, until) = inner.claims.remove(&hash(claim))?;
        if until <= now {
            return None;
        }
        let secret = random_token();
        let entry = inner.rooms.get_mut(&room_id)?;
        let old = entry.secret.replace(hash(&secret));
        let room = entry.room.clone();
        if let Some(old) = old {
            inner.by_secret.remove(&old);
        }
        inner.by_secret.insert(hash(&secret), room_id);
        Some((room, secret))
    }

    /// The room a projector's secret binds it to.
    pub fn for_projector(&self, secret: &str, now: Instant) -> Option<Arc<Room>> {
        let mut inner = lock(&self.inner);
        self.sweep(&mut inner, now);
        let id = inner.by_secret.get(&hash(secret))?;
        inner.rooms.get(id).map(|e| e.room.clone())
    }

    /// The room, if `trainer_id` paired it.
    pub fn for_trainer(&self, room_id: &str, trainer_id: i64, now: Instant) -> Option<Arc<Room>> {
        let mut inner = lock(&self.inner);
        self.sweep(&mut inner, now);
        inner
            .rooms
            .get(room_id)
            .filter(|e| e.room.trainer_id == trainer_id)
            .map(|e| e.room.clone())
    }

    /// The trainer's rooms, oldest first.
    pub fn of_trainer(&self, trainer_id: i64, now: Instant) -> Vec<Arc<Room>> {
        let mut inner = lock(&self.inner);
        self.sweep(&mut inner, now);
        let mut rooms: Vec<Arc<Room>> = inner
            .rooms
            .values()
            .filter(|e| e.room.trainer_id == trainer_id)
            .map(|e| e.room.clone())
            .collect();
        rooms.sort_by_key(|r| r.created);
        rooms
    }

    /// Ends the room: its sockets are told, its projector goes back to pairing.
    pub fn close(&self, room_id: &str, trainer_id: i64) -> bool {
        let mut inner = lock(&self.inner);
        let mine = inner
            .rooms
            .get(room_id)
            .is_some_and(|e| e.room.trainer_id == trainer_id);
        if mine {
            Self::remove(&mut inner, room_id);
        }
        mine
    }

    fn remove(inner: &mut Inner, room_id: &str) {
        if let Some(entry) = inner.rooms.remove(room_id) {
            if let Some(secret) = entry.secret {
                inner.by_secret.remove(&secret);
            }
            inner.claims.retain(|_, (id, _)| id != room_id);
            entry.room.close();
        }
    }

    /// Forgets old claims and rooms nobody has used for a while.
    fn sweep(&self, inner: &mut Inner, now: Instant) {
        inner.claims.retain(|_, (_, until)| *until > now);
        let idle = Duration::from_secs(self.settings.idle_minutes * 60);
        let gone: Vec<String> = inner
            .rooms
            .values()
            .filter(|e| {
                let too_old = now.saturating_duration_since(e.room.created) > ROOM_MAX_AGE;
                let unused = e
                    .room
                    .idle_since()
                    .is_some_and(|since| now.saturating_duration_since(since) > idle);
                too_old || unused
            })
            .map(|e| e.room.id.clone())
            .collect();
        for id in gone {
            Self::remove(inner, &id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HERE: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    fn rooms() -> Rooms {
        Rooms::new(RoomSettings::default())
    }

    #[test]
    fn a_code_pairs_once_and_the_claim_gives_the_secret_once() {
        let rooms = rooms();
        let now = Instant::now();
        let mut screen = rooms.open_screen(HERE, now).unwrap();
        let (code, _) = rooms.new_code(screen.id, now).unwrap();
        let room = rooms.confirm(&code.to_lowercase(), 7, now).unwrap();
        assert_eq!(room.trainer_id, 7);
        assert_eq!(
            rooms.confirm(&code, 8, now).err(),
            Some(PairingRefusal::Unknown),
            "spent"
        );
        let claim = screen.paired.try_recv().unwrap();
        let (claimed, secret) = rooms.claim(&claim, now).unwrap();
        assert_eq!(claimed.id, room.id);
        assert!(rooms.claim(&claim, now).is_none(), "a claim works once");
        assert_eq!(rooms.for_projector(&secret, now).unwrap().id, room.id);
        assert!(rooms.for_projector("something else", now).is_none());
        assert!(rooms.for_trainer(&room.id, 7, now).is_some());
        assert!(rooms.for_trainer(&room.id, 8, now).is_none(), "another trainer's");
        assert!(!rooms.close(&room.id, 8));
        assert!(rooms.close(&room.id, 7));
        assert!(rooms.for_projector(&secret, now).is_none());
        assert!(room.snapshot().closed);
    }

    #[test]
    fn codes_expire_and_renewing_retires_the_old_one() {
        let rooms = rooms();
        let now = Instant::now();
        let screen = rooms.open_screen(HERE, now).unwrap();
        let (first, until) = rooms.new_code(screen.id, now).unwrap();
        assert_eq!(until, now + Duration::from_secs(300));
        assert_eq!(
            rooms.confirm(&first, 1, until).err(),
            Some(PairingRefusal::Unknown),
            "expired"
        );
        let (second, _) = rooms.new_code(screen.id, now).unwrap();
        assert_ne!(first, second);
        assert_eq!(
            rooms.confirm(&first, 1, now).err(),
            Some(PairingRefusal::Unknown),
            "renewed"
        );
        assert_eq!(
            rooms.confirm("K7H", 1, now).err(),
            Some(PairingRefusal::Malformed)
        );
        rooms.close_screen(screen.id);
        assert_eq!(
            rooms.confirm(&second, 1, now).err(),
            Some(PairingRefusal::Unknown),
            "closed"
        );
    }

    #[test]
    fn a_vanished_projector_makes_no_room_and_claims_go_stale() {
        let rooms = rooms();
        let now = Instant::now();
        let screen = rooms.open_screen(HERE, now).unwrap();
        let (code, _) = rooms.new_code(screen.id, now).unwrap();
        drop(screen.paired);
        assert_eq!(rooms.confirm(&code, 1, now).err(), Some(PairingRefusal::Unknown));
        assert!(rooms.of_trainer(1, now).is_empty());

        let mut screen = rooms.open_screen(HERE, now).unwrap();
        let (code, _) = rooms.new_code(screen.id, now).unwrap();
        rooms.confirm(&code, 1, now).unwrap();
        let claim = screen.paired.try_recv().unwrap();
        assert!(rooms.claim(&claim, now + CLAIM_LIFETIME).is_none());
    }

    #[test]
    fn waiting_screens_are_bounded_per_address() {
        let rooms = rooms();
        let now = Instant::now();
        let held: Vec<_> = (0..MAX_SCREENS_PER_ADDRESS)
            .map(|_| rooms.open_screen(HERE, now).unwrap())
            .collect();
        assert_eq!(
            rooms.open_screen(HERE, now).err(),
            Some(PairingRefusal::TooManyScreens)
        );
        let elsewhere = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2));
        assert!(rooms.open_screen(elsewhere, now).is_ok());
        rooms.close_screen(held[0].id);
        assert!(rooms.open_screen(HERE, now).is_ok());
    }

    #[test]
    fn unused_rooms_are_forgotten_and_the_video_on_air_is_the_lessons() {
        let rooms = rooms();
        let now = Instant::now();
        let screen = rooms.open_screen(HERE, now).unwrap();
        let (code, _) = rooms.new_code(screen.id, now).unwrap();
        let room = rooms.confirm(&code, 1, now).unwrap();
        assert_eq!(room.video_on_air(), None);
        let attendance = room.attend(true, now);
        assert!(room.snapshot().projector_connected);
        let much_later = now + Duration::from_secs(3 * 3600);
        assert_eq!(rooms.of_trainer(1, much_later).len(), 1, "connected rooms stay");
        drop(attendance);
        assert!(!room.snapshot().projector_connected);
        assert!(rooms
            .of_trainer(1, Instant::now() + Duration::from_secs(3 * 3600))
            .is_empty());
        assert!(room.snapshot().closed);
    }

    #[test]
    fn credit_is_taken_once_and_can_be_given_back() {
        let room = Room::new(1, Instant::now());
        assert_eq!(room.take_uncredited(1, 2, &[3, 4]), vec![3, 4]);
        assert_eq!(room.take_uncredited(1, 2, &[3, 4, 5]), vec![5]);
        room.forget_credit(1, 2, &[5]);
        assert_eq!(room.take_uncredited(1, 2, &[5]), vec![5]);
        assert_eq!(room.take_uncredited(9, 2, &[3]), vec![3], "another group");
    }
}
