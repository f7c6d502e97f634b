//! QR codes as our own inline SVG (no pictures from elsewhere, nothing to download).

use qrcode::render::svg;
use qrcode::QrCode;

use super::error::AppError;

/// The SVG of a QR code for `url`, at least `pixels` wide, with its quiet zone (phones
/// read a code only with white space around it).
pub fn svg(url: &str, pixels: u32) -> Result<String, AppError> {
    Ok(QrCode::new(url.as_bytes())
        .map_err(|e| AppError::Internal(format!("QR code: {e}")))?
        .render::<svg::Color>()
        .min_dimensions(pixels, pixels)
        .quiet_zone(true)
        .build())
}
