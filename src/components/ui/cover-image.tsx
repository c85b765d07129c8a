import { useState } from "react";
import { NoteIcon } from "./icons";

interface CoverImageProps {
  src: string | null;
  /** Empty for decorative covers next to a title that already names the song. */
  alt: string;
  className?: string;
  loading?: "eager" | "lazy";
}

/** A cover that degrades to a designed placeholder when there is no image or it fails to load. */
export function CoverImage({ src, alt, className = "", loading = "lazy" }: CoverImageProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const showImage = src !== null && failedSrc !== src;
  return (
    <div className={`relative overflow-hidden bg-ink-raised ${className}`}>
      <div
        aria-hidden="true"
        className="absolute inset-0 grid place-items-center bg-linear-to-br from-station/40 via-ink-raised to-ink text-station-soft/70"
      >
        <NoteIcon className="h-2/5 w-2/5" />
      </div>
      {showImage && (
        <img
          key={src}
          src={src}
          alt={alt}
          loading={loading}
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailedSrc(src)}
          className="absolute inset-0 h-full w-full object-cover"
        />
      )}
    </div>
  );
}
