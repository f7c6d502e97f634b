//! Pictures handed down the cascade without copying them, from pools of buffers.
//!
//! A rung scales into a frame fresh from its pool, gives the rung below a second
//! reference to the same picture and x264 the first (x264 copies the picture into its
//! own buffers before `send_frame` returns). A picture is written only while it is fresh
//! from the pool, before anybody else holds it, so a shared picture never changes; its
//! buffer goes back to the pool when the last reference drops, on whichever thread.
//! This replaced a deep copy per frame and rung into a newly allocated frame (and, for a
//! 1080p source, a same-size "scale" of the 1080p rung). Measured on the benchmark's
//! 20 s 1080p source: page faults 208 k → 77 k, kernel + memcpy 6.4 % → 4.4 % of the
//! CPU (perf); the encoded output is bit-identical.
//!
//! The one place the transcoder touches FFmpeg's frame structs directly: ffmpeg-next
//! offers neither `av_frame_ref` nor buffer pools.

use ffmpeg::format::Pixel;
use ffmpeg::{ffi, frame};
use ffmpeg_next as ffmpeg;

use super::{ff, TranscodeError};

/// Another reference to `frame`'s picture, sharing its buffers (a copy only if `frame`
/// is not reference-counted).
#[allow(unsafe_code)]
pub fn share(frame: &frame::Video) -> Result<frame::Video, TranscodeError> {
    let mut shared = frame::Video::empty();
    // SAFETY: both pointers are valid AVFrames owned by ffmpeg-next wrappers, `shared`
    // is freshly allocated and empty, as av_frame_ref requires.
    let status = unsafe { ffi::av_frame_ref(shared.as_mut_ptr(), frame.as_ptr()) };
    if status < 0 {
        return Err(ff("share frame")(ffmpeg::Error::from(status)));
    }
    Ok(shared)
}

/// Frames of one format and size whose pictures come from a pool of buffers.
pub struct FramePool {
    pool: *mut ffi::AVBufferPool,
    format: Pixel,
    width: u32,
    height: u32,
    linesize: [i32; 8],
    /// Where each plane starts in the buffer; `None` for planes the format lacks.
    offsets: [Option<usize>; 8],
}

impl FramePool {
    /// A pool laid out exactly as `av_frame_get_buffer` lays out a frame (one buffer).
    #[allow(unsafe_code)]
    pub fn new(format: Pixel, width: u32, height: u32) -> Result<FramePool, TranscodeError> {
        let template = frame::Video::new(format, width, height);
        let mut linesize = [0i32; 8];
        let mut offsets = [None; 8];
        // SAFETY: `template` is a valid frame; we read its fields only. Its picture sits
        // in one buffer (FFmpeg ≥ 4.4 allocates video frames that way; checked), so
        // every plane pointer lies inside buf[0] and the offsets are in bounds.
        let size = unsafe {
            let t = &*template.as_ptr();
            let buf = t.buf[0];
            if buf.is_null() || t.data[0].is_null() || !t.buf[1].is_null() {
                return Err(TranscodeError::Internal("unexpected frame layout"));
            }
            let base = (*buf).data as usize;
            for plane in 0..8 {
                if !t.data[plane].is_null() {
                    offsets[plane] = Some(t.data[plane] as usize - base);
                    linesize[plane] = t.linesize[plane];
                }
            }
            (*buf).size
        };
        // SAFETY: a plain constructor; `None` selects av_buffer_alloc.
        let pool = unsafe { ffi::av_buffer_pool_init(size, None) };
        if pool.is_null() {
            return Err(TranscodeError::Internal("no memory for a frame pool"));
        }
        Ok(FramePool {
            pool,
            format,
            width,
            height,
            linesize,
            offsets,
        })
    }

    /// A frame whose picture buffer nobody else holds: safe to write.
    #[allow(unsafe_code)]
    pub fn get(&self) -> Result<frame::Video, TranscodeError> {
        let mut frame = frame::Video::empty();
        // SAFETY: the pool is alive (we own it) and thread-safe; the buffer it returns
        // has the template's size, so the plane pointers we derive from the template's
        // offsets stay inside it. The frame takes over the buffer reference and gives
        // it back (av_frame_free → av_buffer_unref) when dropped.
        unsafe {
            let buf = ffi::av_buffer_pool_get(self.pool);
            if buf.is_null() {
                return Err(TranscodeError::Internal("no memory for a frame"));
            }
            let f = &mut *frame.as_mut_ptr();
            f.buf[0] = buf;
            for plane in 0..8 {
                if let Some(offset) = self.offsets[plane] {
                    f.data[plane] = (*buf).data.add(offset);
                    f.linesize[plane] = self.linesize[plane];
                }
            }
            f.extended_data = f.data.as_mut_ptr();
        }
        frame.set_format(self.format);
        frame.set_width(self.width);
        frame.set_height(self.height);
        Ok(frame)
    }
}

impl Drop for FramePool {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY: uninit only marks the pool; FFmpeg frees it once the last buffer
        // handed out (possibly still held by another rung) comes back.
        unsafe { ffi::av_buffer_pool_uninit(&mut self.pool) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(frame: &mut frame::Video, value: u8) {
        for plane in 0..frame.planes() {
            frame.data_mut(plane).fill(value);
        }
    }

    #[test]
    fn pooled_frames_have_the_size_and_reuse_buffers() {
        crate::media::init_ffmpeg().unwrap();
        let pool = FramePool::new(Pixel::YUV420P, 426, 240).unwrap();
        let mut first = pool.get().unwrap();
        assert_eq!((first.width(), first.height(), first.planes()), (426, 240, 3));
        assert!(first.stride(0) >= 426 && first.stride(1) >= 213);
        fill(&mut first, 7);
        let address = first.data(0).as_ptr();
        drop(first);
        let again = pool.get().unwrap();
        assert_eq!(
            again.data(0).as_ptr(),
            address,
            "the buffer came back to the pool"
        );
    }

    #[test]
    fn a_shared_frame_keeps_its_picture_after_the_pool_is_gone() {
        crate::media::init_ffmpeg().unwrap();
        let pool = FramePool::new(Pixel::YUV420P, 64, 32).unwrap();
        let mut original = pool.get().unwrap();
        fill(&mut original, 99);
        let shared = share(&original).unwrap();
        assert_eq!(shared.data(0).as_ptr(), original.data(0).as_ptr(), "no copy");
        let held = pool.get().unwrap();
        assert_ne!(
            held.data(0).as_ptr(),
            original.data(0).as_ptr(),
            "a held buffer is not handed out"
        );
        drop((original, pool, held));
        assert!(shared.data(2).iter().all(|v| *v == 99));
    }
}
