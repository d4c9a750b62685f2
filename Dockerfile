# The khabar binary in a small image, for docker-compose.yml (docs/scale.md).
# Build: docker build -t khabar .
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/khabar ./cmd/khabar

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/khabar /usr/local/bin/khabar
USER nobody
ENTRYPOINT ["khabar"]
