//! Settings of Werkakademie rooms (`[room]` in lernwerk.toml, `LERNWERK_ROOM__…`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct RoomSettings {
    /// How long a pairing code on the projector stays valid before a new one replaces it.
    pub code_seconds: u64,
    /// Wrong codes a trainer (and, separately, an address ×4) may type in the window
    /// before further tries get 429.
    pub wrong_codes: u32,
    pub wrong_code_window_minutes: u64,
    /// A room nobody is connected to is forgotten after this long.
    pub idle_minutes: u64,
    /// How often both sockets are pinged; one silent for three times this is closed.
    pub ping_seconds: u64,
}

impl Default for RoomSettings {
    fn default() -> Self {
        RoomSettings {
            code_seconds: 300,
            wrong_codes: 5,
            wrong_code_window_minutes: 10,
            idle_minutes: 120,
            ping_seconds: 10,
        }
    }
}
