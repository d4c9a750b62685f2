package news

import "time"

// StoryEntity is a key entity of a story.
type StoryEntity struct {
	// ID is the entity id of an Entity, or "term:" and a word of the
	// headlines when the articles carry no entities.
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
	// Articles is the number of the story's articles that name it.
	Articles int `json:"articles"`
}

// Story is a cluster of articles about one event or development.
type Story struct {
	ID string `json:"id"`
	// Thread links stories of one ongoing topic across months or years:
	// the id shared by every story of the thread, "" when alone.
	Thread string `json:"thread,omitempty"`
	Title  string `json:"title"`
	// Start and End are the published times of the first and last
	// article.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Articles are the ids of the story's articles, oldest first.
	Articles []string      `json:"articles"`
	Entities []StoryEntity `json:"entities"`
	// State is the clustering engine's state of the story, kept as given.
	State []byte `json:"-"`
}
