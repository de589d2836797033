// Phone numbers as the server sends them: a masked one as text, a visible one as a tel: link that opens the
// softphone or the phone's dialler (without opening the row it sits in).
export function PhoneLinks({ phones }: { phones: string[] }) {
  return (
    <>
      {phones.map((p, i) => (
        <span key={p}>
          {i > 0 && ' / '}
          {p.includes('*') ? p : <a href={`tel:${p}`} onClick={(e) => e.stopPropagation()}>{p}</a>}
        </span>
      ))}
    </>
  );
}
