package identity

// Quality is how well predicted pairs agree with the truth.
type Quality struct {
	TruePairs      int     `json:"true_pairs"`
	PredictedPairs int     `json:"predicted_pairs"`
	TruePositives  int     `json:"true_positives"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
}

// Evaluate compares predicted pairs with the truth: entity maps each record id to the
// person it describes (two records are one person iff their entities are equal).
func Evaluate(pairs []Pair, entity map[string]string) Quality {
	sizes := map[string]int{}
	for _, e := range entity {
		sizes[e]++
	}
	q := Quality{PredictedPairs: len(pairs)}
	for _, n := range sizes {
		q.TruePairs += n * (n - 1) / 2
	}
	for _, p := range pairs {
		if ea, ok := entity[p.A]; ok && ea == entity[p.B] {
			q.TruePositives++
		}
	}
	if q.PredictedPairs > 0 {
		q.Precision = float64(q.TruePositives) / float64(q.PredictedPairs)
	}
	if q.TruePairs > 0 {
		q.Recall = float64(q.TruePositives) / float64(q.TruePairs)
	}
	if q.Precision+q.Recall > 0 {
		q.F1 = 2 * q.Precision * q.Recall / (q.Precision + q.Recall)
	}
	return q
}
