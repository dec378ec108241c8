import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The join address as a QR code, drawn as an image (a data: URL from `qrcode`), with the address and the code in
 * words beside it for anyone who cannot scan.
 */
export function JoinQr({ address, code }: { address: string; code: string }) {
  const [src, setSrc] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(address, { margin: 1, width: 220, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(undefined));
    return () => {
      live = false;
    };
  }, [address]);
  return (
    <figure className="ws-join">
      {src ? <img src={src} width={220} height={220} alt={`QR code for the join address ${address}`} /> : null}
      <figcaption>
        <p>
          Join code: <strong className="ws-code">{code}</strong>
        </p>
        <p className="small">
          Or open <span className="ws-address">{address}</span> in a browser on the same network.
        </p>
      </figcaption>
    </figure>
  );
}
