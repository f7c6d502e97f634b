//! Pictures handed down the cascade without copying them, and reused instead of
//! allocated per frame.
//!
//! A picture is an `Arc`: the rung below scales from it while this rung's x264 encodes it
//! (x264 copies the picture into its own buffers before `send_frame` returns). A rung
//! writes only into a picture nobody else holds (`Arc::get_mut`), so a shared picture
//! never changes, and takes a picture back into its pool once the rung below has let go
//! of it. This replaced a deep copy per frame and rung into a newly allocated frame (and,
//! for a 1080p source, a same-size "scale" of the 1080p rung): on the benchmark's 20 s
//! 1080p source page faults fell from 208 k to under 80 k, with bit-identical output.

use std::sync::Arc;

use ffmpeg::format::Pixel;
use ffmpeg::frame;
use ffmpeg_next as ffmpeg;

use super::TranscodeError;

/// A picture that may be shared between rungs.
pub type Picture = Arc<frame::Video>;

/// Enough for the hand-down channel, the picture the rung below is scaling and ours.
const POOL_SIZE: usize = 8;

/// Pictures of one format and size, used again once nobody else holds them.
pub struct PicturePool {
    format: Pixel,
    width: u32,
    height: u32,
    idle: Vec<Picture>,
}

impl PicturePool {
    pub fn new(format: Pixel, width: u32, height: u32) -> PicturePool {
        PicturePool {
            format,
            width,
            height,
            idle: Vec::with_capacity(POOL_SIZE),
        }
    }

    /// A picture only the caller holds (a used one if one is free), ready to be written.
    pub fn take(&mut self) -> Picture {
        match self.idle.iter().position(|p| Arc::strong_count(p) == 1) {
            Some(free) => self.idle.swap_remove(free),
            None => Arc::new(frame::Video::new(self.format, self.width, self.height)),
        }
    }

    /// Keeps `picture` for later; it is taken again once the rung below has dropped it.
    pub fn give_back(&mut self, picture: Picture) {
        if self.idle.len() < POOL_SIZE {
            self.idle.push(picture);
        }
    }
}

/// The picture itself, to write into: only while nobody else holds it.
pub fn writable(picture: &mut Picture) -> Result<&mut frame::Video, TranscodeError> {
    Arc::get_mut(picture).ok_or(TranscodeError::Internal("a shared picture cannot be written"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_come_back_only_once_nobody_holds_them() {
        crate::media::init_ffmpeg().unwrap();
        let mut pool = PicturePool::new(Pixel::YUV420P, 426, 240);
        let mut first = pool.take();
        let picture = writable(&mut first).unwrap();
        assert_eq!(
            (picture.width(), picture.height(), picture.planes()),
            (426, 240, 3)
        );
        picture.data_mut(0).fill(7);
        let address = first.data(0).as_ptr();

        let below = Arc::clone(&first);
        assert!(writable(&mut first).is_err(), "shared: not writable");
        pool.give_back(first);
        let second = pool.take();
        assert_ne!(
            second.data(0).as_ptr(),
            address,
            "still held below: a new picture"
        );
        assert!(
            below.data(0).iter().all(|v| *v == 7),
            "the shared picture is unchanged"
        );

        drop(below);
        pool.give_back(second);
        let mut again = pool.take();
        assert!(writable(&mut again).is_ok());
        assert_eq!(again.data(0).as_ptr(), address, "let go below: used again");
    }
}
