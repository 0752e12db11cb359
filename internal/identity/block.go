package identity

// Blocking keys. Each record gets several; two records are compared when they share one.
// The keys are chosen so that each kind of error leaves at least one key intact:
//
//	surname+given      survives a wrong or missing date of birth
//	surname+year       survives a different given name form (Oleksandr/Sasha) or typo
//	given+date         survives a married or misspelt surname (date order-free: survives
//	                   day and month swapped)
//	date alone         survives both names changed or swapped
//	document           survives everything else being different
//	surname+initial    survives a given-name typo with a wrong date
//	document, sorted   survives transposed digits in the number
//	postcode+surname   survives names and date both mistyped at one address
//	street+postcode    survives every personal field changed at one address
//	names, sorted      survives given name and surname swapped with a wrong date
//	given+year+initial survives a surname typo or feminine form with a 1 January date
//	given+day+month    survives a married surname with the year mistyped
//	given+year+month   survives a married surname with the day mistyped
//	document digits    survives the series dropped and the name changed
//
// Hashes are FNV-1a over a tag byte and the parts.
const (
	tagSurnameGiven = iota + 1
	tagSurnameYear
	tagGivenDate
	tagDate
	tagDocument
	tagSurnameInitial
	tagGivenYear
	tagDocumentSorted
	tagPostcodeSurname
	tagAddress
	tagNamesSorted
	tagGivenYearInitial
	tagGivenDayMonth
	tagGivenYearMonth
	tagDocumentDigits
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStart(tag byte) uint64 { return (fnvOffset ^ uint64(tag)) * fnvPrime }

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator, so ("ab","c") != ("a","bc")
}

func hashInt(h uint64, n int) uint64 {
	for range 4 {
		h = (h ^ uint64(n&0xff)) * fnvPrime
		n >>= 8
	}
	return h
}

// blockKeys appends the blocking keys of f to dst.
func blockKeys(f *features, dst []uint64) []uint64 {
	given := f.givenTFKey()
	year := int(f.dob.y)
	lo, hi := int(min(f.dob.m, f.dob.d)), int(max(f.dob.m, f.dob.d))
	full := f.dob.d != 0
	for _, s := range f.surname.keys {
		if given != "" {
			dst = append(dst, hashString(hashString(hashStart(tagSurnameGiven), s), given))
			dst = append(dst, hashString(hashInt(hashStart(tagSurnameInitial), int(f.given.folded[0])), s))
		}
		if year != 0 {
			dst = append(dst, hashInt(hashString(hashStart(tagSurnameYear), s), year))
		}
	}
	if full {
		date := hashInt(hashInt(hashInt(hashStart(tagDate), year), lo), hi)
		dst = append(dst, date)
		if given != "" {
			dst = append(dst, hashString(date^tagGivenDate, given))
		}
	}
	if given != "" && full {
		dst = append(dst, hashInt(hashInt(hashString(hashStart(tagGivenDayMonth), given), lo), hi))
	}
	if given != "" && year != 0 && f.dob.m != 0 {
		dst = append(dst, hashInt(hashInt(hashString(hashStart(tagGivenYearMonth), given), year), int(f.dob.m)))
	}
	for _, d := range f.docs {
		dst = append(dst, hashString(hashStart(tagDocument), d.glyph))
		if d.roman != d.glyph {
			dst = append(dst, hashString(hashStart(tagDocument), d.roman))
		}
		dst = append(dst, hashSorted(hashStart(tagDocumentSorted), d.glyph))
		if len(d.digits) >= 6 && d.digits != d.glyph {
			dst = append(dst, hashString(hashStart(tagDocumentDigits), d.digits))
		}
	}
	if s := f.surname.key0(); s != "" && given != "" && year != 0 {
		dst = append(dst, hashInt(hashInt(hashString(hashStart(tagGivenYearInitial), given), year), int(s[0])))
	}
	if s, g := f.surname.key0(), f.given.key0(); s != "" && g != "" {
		dst = append(dst, hashString(hashString(hashStart(tagNamesSorted), min(s, g)), max(s, g)))
	}
	if f.postcode != "" {
		if s := f.surname.key0(); s != "" {
			dst = append(dst, hashInt(hashString(hashStart(tagPostcodeSurname), f.postcode), int(s[0])))
		}
		if len(f.address) > 0 {
			dst = append(dst, hashString(hashString(hashStart(tagAddress), f.postcode), streetOf(f.address)))
		}
	}
	return dst
}

// hashSorted hashes the bytes of s in sorted order (a multiset hash).
func hashSorted(h uint64, s string) uint64 {
	var counts [256]uint16
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	for c, n := range counts {
		for range n {
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	return h
}

// streetOf returns the first two words of an address (number and street, or street and
// type), the part most often written the same way.
func streetOf(addr string) string {
	sp := 0
	for i := 0; i < len(addr); i++ {
		if addr[i] == ' ' {
			sp++
			if sp == 2 {
				return addr[:i]
			}
		}
	}
	return addr
}
