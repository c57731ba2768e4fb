/** A stand-in for an <audio> element in node unit tests: the fields the player reads and writes. */
export class FakeAudio {
  paused = true;
  seeking = false;
  currentTime = 0;
  playbackRate = 1;
  volume = 1;
  muted = false;
  seeks: number[] = [];
  play() {
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
  seekTo(t: number) {
    this.currentTime = t;
  }
}
